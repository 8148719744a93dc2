/**
 * Sentences the team wrote for the opinion benches (reporting and opinion mixed, quotes, a
 * question), so the benches run without ../shared and measure the same text wherever they run.
 */
export const OWN_SENTENCES: readonly string[] = [
  'The council approved the budget on Tuesday by seven votes to two, a spokesperson said.',
  'This is a shameful way to treat people who have served the town for decades.',
  'Officials expect the bridge to reopen in March after repairs costing £4 million.',
  'Surely nobody believes that another review will fix a system this broken?',
  '“We will not back down,” the union leader told reporters outside the depot.',
  'In my view, the minister should resign before the inquiry reports.',
  'Rainfall in the valley was twice the seasonal average, forecasters said on Monday.',
  'What a dismal spectacle the whole affair has been for everyone involved.',
];
