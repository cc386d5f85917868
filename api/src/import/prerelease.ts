// A flag that says a version is a prerelease (is_prerelease beside a semver column) agrees with
// the version text: the version is drawn with a prerelease suffix in a share of rows and the flag
// is computed from it (engine expression matches()), so neither can contradict the other.

/** Flag columns that mark a prerelease version. */
export const PRERELEASE_FLAG = /^(is_)?(prerelease|pre_release|preview|beta|unstable)$/;

/**
 * Semver drawn by the engine's regex (with the draw the importer always uses): a major of one digit,
 * so the head carries a sibling index when (parent, version) is unique; one in four rows a
 * prerelease (-alpha.1, -beta.3, -rc.2).
 */
export const SEMVER_WITH_PRERELEASES = '[0-9]\\.(0|[1-9]|[1-9][0-9])\\.(0|[1-9]|[1-9][0-9])(|||-(alpha|beta|rc)\\.[1-9])';

/** The flag's expression: the version has a prerelease suffix (1.2.3-rc.1), build metadata alone does not count. */
export function prereleaseExpression(version: string): string {
  return `matches(${version}, '^[0-9]+[.][0-9]+[.][0-9]+-')`;
}
