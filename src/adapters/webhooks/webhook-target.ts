/** A configured webhook with its signing secret read from the environment. */
export interface WebhookTarget {
  url: string;
  events: readonly string[];
  secret: string;
}
