/**
 * Node flags for the host process and its worker processes, from `LOCAL_HOST_NODE_FLAGS`
 * (space-separated), e.g. `--cpu-prof --cpu-prof-dir=profiles` to profile them under a bench:
 * Node refuses `--cpu-prof` in NODE_OPTIONS, and the host and its workers are where the app's CPU goes.
 */
export function hostNodeFlags(environment: NodeJS.ProcessEnv = process.env): string[] {
  return (environment.LOCAL_HOST_NODE_FLAGS ?? '').split(' ').filter((flag) => flag.length > 0);
}
