// Word lists for columns whose values are the words of one trade: task titles, project names,
// work logs, invoice lines, plan names. Data only: column-patterns.ts combines them.

/** Task and issue titles: verbs and the things they fit ("Fix login redirect loop", "Add CSV export to reports"). */
export const TASK_TITLES: [verbs: string[], objects: string[]][] = [
  [
    ['Fix', 'Investigate'],
    ['login redirect loop', 'flaky checkout test', 'timezone handling in reminders', 'invoice PDF layout', 'duplicate welcome emails', 'broken avatar upload'],
  ],
  [
    ['Add'],
    [
      'CSV export to reports',
      'dark mode to settings page',
      'SSO configuration page',
      'audit log filters',
      'empty state to projects list',
      'bulk archive action',
    ],
  ],
  [
    ['Update', 'Redesign'],
    ['billing email template', 'notification preferences', 'onboarding checklist', 'pricing page', 'mobile navigation menu'],
  ],
  [
    ['Improve', 'Speed up'],
    ['dashboard loading time', 'search pagination', 'database connection pooling', 'image thumbnails'],
  ],
  [
    ['Refactor', 'Migrate', 'Clean up'],
    ['webhook retry logic', 'auth middleware', 'feature flag checks', 'legacy payment module'],
  ],
  [
    ['Document', 'Write tests for'],
    ['public API rate limits', 'team invitation flow', 'export job'],
  ],
];

/** Project names: a subject and a kind of work ("Website Redesign", "Q3 Marketing Launch"). */
export const PROJECT_SUBJECTS = [
  'Website',
  'Mobile App',
  'Data Platform',
  'Checkout',
  'Onboarding',
  'Billing',
  'Q3 Marketing',
  'Design System',
  'Customer Portal',
  'Search',
  'Analytics',
  'Public API',
  'Support Center',
  'Partner Program',
  'Brand',
];
export const PROJECT_KINDS = ['Redesign', 'Launch', 'Migration', 'v2', 'Revamp', 'Rollout', 'Integration', 'Overhaul', 'Refresh', 'Pilot'];

/** What a project sets out to do: a verb, a thing and a purpose. */
export const PROJECT_GOALS = ['Rebuild', 'Redesign', 'Migrate', 'Launch', 'Consolidate', 'Automate', 'Simplify', 'Replace'];
export const PROJECT_THINGS = [
  'the checkout flow',
  'the customer portal',
  'the data warehouse',
  'the onboarding emails',
  'the mobile app',
  'the billing system',
  'the internal dashboards',
  'the help center',
  'the marketing site',
];
export const PROJECT_PURPOSES = [
  'before the Q3 launch.',
  'to cut support tickets.',
  'for the new pricing.',
  'to reduce page load times.',
  'so the sales team can self-serve.',
  'ahead of the EU rollout.',
  'to retire the legacy stack.',
];

/** Work log notes of a time entry. */
export const WORK_LOG = [
  'Reviewed PR',
  'Client call',
  'Sprint planning',
  'Fixed failing tests',
  'Code review',
  'Pairing session',
  'Deployed to staging',
  'Wrote documentation',
  'Bug triage',
  'Daily standup',
  'Investigated production incident',
  'Design review',
  'Refactored billing module',
  'Updated dependencies',
  'Customer support escalation',
  'Estimated backlog items',
  'Prepared release notes',
  'Worked on onboarding flow',
];

/** Comments on a task or issue. */
export const TASK_COMMENTS = [
  'I pushed a fix for this, can you take another look?',
  'This is blocked on the API change.',
  'Moving this to next sprint.',
  'Can we add a test for the empty state?',
  'Deployed to staging, please verify.',
  'I could not reproduce this on the latest build.',
  "Let's discuss this in standup tomorrow.",
  'The new designs are linked in the description.',
  'Merged, closing this one.',
  'Looks good to me.',
  'This also affects the mobile app.',
  'Customer reported this again today.',
  'Reverted for now, it broke the nightly export.',
  'Added screenshots of the error.',
];
export const COMMENT_OPENERS = ['', '', 'Thanks! ', 'Good catch. ', 'Agreed. ', 'Quick update: ', 'Heads up: ', 'Nice work. '];

/** Lines of an invoice. */
export const INVOICE_LINES = [
  '(Starter|Pro|Team|Business) plan × ([2-9]|[1-4][0-9]) seats',
  '(Starter|Pro|Team|Business) plan \\((monthly|annual)\\)',
  'Usage: [1-9],[0-9]00 API calls',
  'Usage: [1-9][0-9] GB storage',
  'Setup fee',
  'Onboarding session',
  'Extra seats × [1-9]',
  'Priority support add-on',
  'Proration adjustment',
];

/** Plan tiers and billing periods. */
export const PLAN_TIERS = ['Free', 'Starter', 'Basic', 'Pro', 'Team', 'Business', 'Enterprise'];
export const PLAN_TIER_WEIGHTS = [10, 15, 10, 25, 15, 15, 10];
export const PLAN_PERIODS = ['Monthly', 'Annual'];

/** Why a customer sends an item back, in their words. */
export const RETURN_COMMENTS = [
  'Arrived damaged',
  'Wrong size',
  'Not as described',
  'Changed my mind',
  'Stopped working after a week',
  'Received the wrong colour',
  'Box was crushed and the item scratched',
  'Too small',
  'Too big',
  'Ordered by mistake',
  'Arrived too late, no longer needed',
  'Quality is worse than expected',
  'Missing parts',
  'Found it cheaper elsewhere',
];

/** Notes a customer leaves on an order. */
export const ORDER_NOTES = [
  'Leave at the front door',
  'Please ring the bell',
  'Gift wrap, please',
  'Deliver after 5pm',
  'Call on arrival',
  'No plastic packaging, please',
  'Leave with a neighbour if not home',
  'This is a gift, no invoice in the box',
  'Please deliver to the back entrance',
  'Fragile, handle with care',
];

/** Why a package is deprecated (regex alternatives: the replacement is one of a few names). */
const SUCCESSORS = '(fetchy|quickcsv|datekit|tinylog|schemata|argv-parse)';
export const DEPRECATION_MESSAGES = [
  `Use ${SUCCESSORS}@[2-5] instead`,
  'No longer maintained',
  `This package has moved to @acme/${SUCCESSORS}`,
  'Deprecated: please upgrade to version [2-5]\\.x',
  'Critical security issue, upgrade to [2-5]\\.[0-9]\\.[0-9]',
  `Renamed to ${SUCCESSORS}`,
];

/** Package descriptions: "A tiny library for parsing CSV files". */
export const PACKAGE_ADJECTIVES = ['A tiny', 'A fast', 'A lightweight', 'A zero-dependency', 'A type-safe', 'A simple', 'A modern', 'A minimal'];
export const PACKAGE_KINDS = ['library', 'CLI', 'utility', 'toolkit', 'plugin', 'wrapper', 'framework'];
export const PACKAGE_PURPOSES = [
  'parsing CSV files',
  'formatting dates',
  'validating JSON schemas',
  'building REST APIs',
  'colorful terminal output',
  'reading environment variables',
  'retrying failed promises',
  'generating UUIDs',
  'testing React components',
  'bundling TypeScript',
  'rate limiting Express routes',
  'parsing command-line arguments',
];

/** Keywords of a package. */
export const PACKAGE_KEYWORDS = [
  'cli',
  'react',
  'typescript',
  'parser',
  'http',
  'testing',
  'utility',
  'async',
  'json',
  'logger',
  'validation',
  'stream',
  'css',
  'build',
  'plugin',
  'node',
];

/** npm dist-tags. */
export const DIST_TAGS = ['latest', 'next', 'beta', 'canary', 'rc', 'alpha', 'legacy'];
export const DIST_TAG_WEIGHTS = [40, 15, 15, 10, 10, 5, 5];

/** Names people give their API tokens. */
export const TOKEN_NAMES = [
  'CI deploy token',
  'GitHub Actions',
  'local dev',
  'staging deploy',
  'Terraform',
  'Zapier integration',
  'read-only analytics',
  'backup script',
  'my laptop',
  'Vercel deploy',
  'release bot',
  'monitoring',
];

/** Task and issue descriptions: where it happens, what goes wrong, what is asked. */
export const TASK_SITUATIONS = [
  'When a user signs in with SSO,',
  'On the invoices page,',
  'After changing the plan,',
  'On mobile Safari,',
  'When an export has more than 10,000 rows,',
  'For workspaces on the Team plan,',
  'After a password reset,',
  'In the weekly digest email,',
];
export const TASK_PROBLEMS = [
  'the page keeps redirecting to the login screen.',
  'the totals do not match the line items.',
  'the spinner never stops.',
  'the email is sent twice.',
  'dates show in UTC instead of the local time zone.',
  'the request times out after 30 seconds.',
  'nothing happens when clicking Save.',
  'the layout breaks below 400px.',
];
export const TASK_ASKS = [
  '',
  ' See the attached screenshot.',
  ' Acceptance criteria: covered by an end-to-end test.',
  ' Reported by two customers this week.',
  ' Needs a fix before the next release.',
  ' Expected: the same result as on desktop.',
];
