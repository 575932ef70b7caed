/** Small named values the bot keeps between runs (the last reminder day, a review's state). */
export interface BotState {
  /** The last value set under the key; null for a key never set. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}
