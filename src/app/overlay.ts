/**
 * `inner` with the members of `role` in place of its own, everything else still `inner`'s: how a
 * decorated port (a metered timeline) takes the place of that port in a store that has several roles,
 * whether the store is a class instance or a plain object.
 */
export function overlay<T extends object, R extends Partial<T>>(inner: T, role: R): T {
  return new Proxy(inner, {
    get: (target, key, receiver) => (key in role ? role[key as keyof R] : Reflect.get(target, key, receiver)),
  });
}
