import { useContext } from 'react';
import type { LullApi } from '../../shared/contract';
import type { LullDb } from '../db/lull-db';
import type { ClockSource } from '../lib/clock';
import { type Services, ServicesContext } from './services-context';

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesContext>');
  return services;
}

export const useLullApi = (): LullApi => useServices().client.api;
export const useDb = (): LullDb => useServices().db;
/** The clock to read at the moment of an act (a click, a submit); for rendering, `useClock`. */
export const useClockSource = (): ClockSource => useServices().clock;
