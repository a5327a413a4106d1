// Mirrors github.com/distribution/reference v0.6.0 (regexp.go, reference.go, normalize.go),
// the parser kubelet 1.32 (pkg/util/parsers) and containerd 1.7 (ParseDockerRef) use:
// `nginx` → `docker.io/library/nginx:latest`, with the same error texts.

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;

/** NAME_TOTAL_LENGTH_MAX is RepositoryNameTotalLengthMax. */
const NAME_TOTAL_LENGTH_MAX = 255;

/** DIGEST_HEX_LENGTH is the encoded length of each digest algorithm go-digest registers. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** ImageReference is a parsed, normalized reference. */
export interface ImageReference {
  /** domain is the registry host (`docker.io`, `registry.k8s.io`, `localhost:5000`). */
  domain: string;
  /** path is the repository path inside it (`library/nginx`). */
  path: string;
  /** repository is domain/path: `docker.io/library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
  /**
   * normalized is what containerd pulls (ParseDockerRef): repository:tag (tag defaults to
   * `latest`) or repository@digest (a tag next to a digest is dropped).
   */
  normalized: string;
  /** familiar is the short form Docker shows: `nginx:1.25`, `registry.k8s.io/pause:3.10`. */
  familiar: string;
}

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; error: string };

/**
 * parseNormalizedNamed parses an image reference as ParseNormalizedNamed + TagNameOnly do.
 *
 * @example
 * parseNormalizedNamed('nginx');          // normalized 'docker.io/library/nginx:latest'
 * parseNormalizedNamed('user/app:1');     // normalized 'docker.io/user/app:1'
 * parseNormalizedNamed('Nginx');          // error 'invalid reference format: repository name (library/Nginx) must be lowercase'
 */
export function parseNormalizedNamed(text: string): ParsedReference {
  if (anchoredIdentifierRegexp.test(text)) {
    return { ok: false, error: `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(text);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  return parse(`${domain}/${remainder}`);
}

/** splitDockerDomain decides whether the first path element is a registry host. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return ['docker.io', `library/${name}`];
  let [domain, remote] = [name.slice(0, slash), name.slice(slash + 1)];
  const isDomain = domain === 'localhost' || domain === 'index.docker.io' || /[.:]/.test(domain) || domain.toLowerCase() !== domain;
  if (!isDomain) [domain, remote] = ['docker.io', name];
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remote.includes('/')) remote = `library/${remote}`;
  return [domain, remote];
}

/** parse is reference.Parse plus the digest validation of go-digest. */
function parse(text: string): ParsedReference {
  const match = referenceRegexp.exec(text);
  if (!match) {
    if (text === '') return { ok: false, error: 'repository name must have at least one component' };
    if (referenceRegexp.test(text.toLowerCase())) return { ok: false, error: 'repository name must be lowercase' };
    return { ok: false, error: 'invalid reference format' };
  }
  const [, name, tag, digest] = match;
  const nameMatch = anchoredNameRegexp.exec(name) as RegExpExecArray;
  const domain = nameMatch[1] ?? '';
  const path = nameMatch[2];
  if (path.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  }
  if (digest !== undefined) {
    const digestError = validateDigest(digest);
    if (digestError) return { ok: false, error: digestError };
  }
  const repository = `${domain}/${path}`;
  const normalized = digest !== undefined ? `${repository}@${digest}` : `${repository}:${tag ?? 'latest'}`;
  return { ok: true, ref: { domain, path, repository, tag, digest, normalized, familiar: familiarName(normalized) } };
}

/** validateDigest is go-digest Digest.Validate: known algorithm, right length, lower-case hex. */
function validateDigest(digest: string): string | undefined {
  const [algorithm, encoded] = digest.split(':');
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) return 'unsupported digest algorithm';
  if (encoded.length !== length) return 'invalid checksum digest length';
  if (!/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format';
  return undefined;
}

/** familiarName drops `docker.io/` and `library/` the way Docker prints names. */
export function familiarName(normalized: string): string {
  if (!normalized.startsWith('docker.io/')) return normalized;
  const rest = normalized.slice('docker.io/'.length);
  const name = rest.replace(/[:@].*$/, '');
  return name.startsWith('library/') && !name.slice(8).includes('/') ? rest.slice(8) : rest;
}
