import { defineSite } from './define';

/** you.com: React textarea (id search-input-textarea in public code) in a form with a submit button. */
export default defineSite({
  id: 'you',
  name: 'You.com',
  matches: ['https://you.com/*'],
  composer: ['textarea#search-input-textarea', 'textarea[data-testid="search-input"]', 'form textarea'],
  send: ['button[data-testid="qs-submit-button"]', 'button[type="submit"]', 'button[aria-label="Submit"]'],
  submit: 'button',
});
