/** Shown when the browser host refused the token (or the page was opened without one). */
export function UnauthorizedNotice() {
  return (
    <section className="notice" aria-labelledby="unauthorized-title">
      <h2 id="unauthorized-title" className="notice-title">
        The token is not valid — open the link Lull printed
      </h2>
      <p className="notice-text">
        When Lull starts in a browser it prints a link ending in <code>#token=…</code> in the terminal. Open
        that exact link; the token is kept for this tab only. If you restarted Lull with a new data folder,
        its link has changed too.
      </p>
    </section>
  );
}
