/**
 * The README links screenshots, docs and fixtures by relative paths, which work on GitHub
 * and in a checkout but not on the registry's page nor in node_modules, where those files
 * are not shipped. At pack time they are made absolute: links to the repository's page of
 * the file, images to the raw file. Code blocks are left as they are.
 */

/** `https://github.com/owner/name` from package.json's `repository` (an object or a string). */
function githubRepository(repository) {
  const url = typeof repository === 'string' ? repository : repository && repository.url;
  const match = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url || '');
  if (!match) throw new Error(`package.json "repository" is not a GitHub repository: ${JSON.stringify(repository)}`);
  return { owner: match[1], name: match[2] };
}

/** An inline code span, or a link or image: `[text](target "title")`. Each part has one way to match. */
const LINK_OR_CODE = /(`[^`]*`)|(!?)\[((?:`[^`]*`|[^\]`])*)\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g;

const isRelative = (target) => !/^([a-z][a-z0-9+.-]*:|#|\/\/|\/)/i.test(target);

/** `markdown` with every relative link and image target outside code made absolute. */
function absoluteLinks(markdown, { owner, name }, ref = 'main') {
  const page = (file) => `https://github.com/${owner}/${name}/blob/${ref}/${file}`;
  const raw = (file) => `https://raw.githubusercontent.com/${owner}/${name}/${ref}/${file}`;
  let fence = null;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = /^\s*(`{3,}|~{3,})/.exec(line);
      if (opening) {
        if (fence === null) fence = opening[1];
        else if (opening[1][0] === fence[0] && opening[1].length >= fence.length && line.trim() === opening[1]) fence = null;
        return line;
      }
      if (fence !== null) return line;
      // An inline code span is matched first and kept; a link's text may hold code.
      return line.replace(LINK_OR_CODE, (all, code, bang, text, target, title) => {
        if (code !== undefined || !isRelative(target)) return all;
        const file = target.replace(/^\.\//, '');
        return `${bang}[${text}](${bang ? raw(file) : page(file)}${title})`;
      });
    })
    .join('\n');
}

module.exports = { githubRepository, absoluteLinks };
