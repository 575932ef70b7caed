// A module resolution hook for running the sources without a build: `#domain/x.ts` and the other
// `imports` aliases resolve to src/ under the `development` condition, and to dist/ otherwise.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'development'] });
}
