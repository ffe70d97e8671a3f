import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api';

export const USERS_QUERY_KEY = ['users'] as const;

/** `users:list`: used by the users screen and by the audit filter. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: USERS_QUERY_KEY, queryFn: () => call('users:list', {}), enabled });
}
