/**
 * A real IMAP server for tests: Dovecot (Debian's dovecot-imapd) on 127.0.0.1 at a free port, with a
 * throwaway config, one plaintext test user and Maildir storage in a temp dir. Mail is delivered with
 * `doveadm save`, as a local delivery agent would. The system's own Dovecot service is not used.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const DOVECOT_INSTALL = 'apt-get install -y dovecot-imapd';

/** On PATH, or in the sbin directories a non-root PATH may lack. */
function onPath(command: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin'];
  return dirs.some((dir) => {
    try {
      execFileSync('test', ['-x', path.join(dir, command)], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

export const hasDovecot = process.platform !== 'win32' && onPath('dovecot') && onPath('doveadm');

export interface MailToDeliver {
  from: string;
  subject: string;
  body: string;
  messageId?: string;
  inReplyTo?: string;
  date?: Date;
  folder?: string;
}

export interface ImapTestServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  deliver(mail: MailToDeliver): Promise<void>;
  createFolder(name: string): Promise<void>;
  /** The flags of each message in a folder, by UID: `{ 1: ['\\Seen'] }`. */
  flags(folder?: string): Promise<Record<number, string[]>>;
  log(): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await fs.readFile(logFile, 'utf8').catch(() => '(no log)');
  throw new Error(`Dovecot did not start on 127.0.0.1:${port}:\n${log}`);
}

/** Root runs the mail processes as Debian's `dovecot` user; anyone else runs everything as themselves. */
function accounts(): { internal: string; login: string; uid: number; gid: number } {
  const me = os.userInfo();
  if (me.uid !== 0) return { internal: me.username, login: me.username, uid: me.uid, gid: me.gid };
  const uid = Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim());
  return { internal: 'dovecot', login: 'dovenull', uid, gid };
}

function config(dir: string, port: number, idle: boolean): string {
  const { internal, login, uid, gid } = accounts();
  return `# Written by test/helpers/imap-server.ts: loopback only, plaintext for the test user.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${internal}
default_login_user = ${login}
first_valid_uid = 0
mail_location = maildir:${dir}/mail/%u
mailbox_idle_check_interval = 1 secs
${idle ? '' : 'imap_capability = IMAP4rev1 SASL-IR LITERAL+ ID ENABLE UIDPLUS NAMESPACE CHILDREN\n'}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

function rfc822(mail: MailToDeliver, user: string): string {
  const headers = [
    `From: ${mail.from}`,
    `To: ${user}`,
    `Subject: ${mail.subject}`,
    `Date: ${(mail.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${mail.messageId ?? `<${Math.random().toString(36).slice(2)}@test.example>`}`,
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`, `References: ${mail.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${mail.body.replace(/\n/g, '\r\n')}\r\n`;
}

/** Starts Dovecot; `idle: false` hides IDLE from clients (a server that only supports polling). */
export async function startImapServer(options: { idle?: boolean } = {}): Promise<ImapTestServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lull-imap-'));
  await fs.chmod(dir, 0o755); // the mail and login processes run as other users when we are root
  const user = 'ana@example.com';
  const password = 'correct horse battery staple';
  const port = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  await fs.mkdir(path.join(dir, 'mail'));
  const { uid, gid } = accounts();
  if (os.userInfo().uid === 0) await fs.chown(path.join(dir, 'mail'), uid, gid);
  await fs.writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  await fs.writeFile(conf, config(dir, port, options.idle ?? true));

  const child = spawn('dovecot', ['-F', '-c', conf], { stdio: 'ignore' });
  const logFile = path.join(dir, 'dovecot.log');
  try {
    await waitForPort(port, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }

  const doveadm = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const run = spawn('doveadm', ['-c', conf, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      run.stdout.on('data', (chunk) => {
        out += chunk;
      });
      run.stderr.on('data', (chunk) => {
        err += chunk;
      });
      run.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`doveadm ${args[0]}: ${err}`)),
      );
      run.stdin.end(input ?? '');
    });

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    async deliver(mail) {
      await doveadm(['save', '-u', user, '-m', mail.folder ?? 'INBOX'], rfc822(mail, user));
    },
    async createFolder(name) {
      await doveadm(['mailbox', 'create', '-u', user, name]);
    },
    async flags(folder = 'INBOX') {
      const out = await doveadm(['-f', 'tab', 'fetch', '-u', user, 'uid flags', 'mailbox', folder, 'all']);
      const rows = out.trim().split('\n').slice(1);
      return Object.fromEntries(
        rows.filter(Boolean).map((row) => {
          const [uid = '', flags = ''] = row.split('\t');
          return [Number(uid), flags.split(' ').filter(Boolean)];
        }),
      );
    },
    log: () => fs.readFile(logFile, 'utf8').catch(() => ''),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
