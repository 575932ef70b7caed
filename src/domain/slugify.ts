/** Lowercase ASCII words joined by hyphens: accents folded, everything else dropped. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtHyphen(slug, maxLength);
}

/** Shortens to `maxLength`, at a hyphen where one is near, never leaving a trailing hyphen. */
export function cutAtHyphen(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > maxLength / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}
