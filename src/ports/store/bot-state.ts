/** Small named values the bot keeps between runs (the last reminder day, a review's state). */
export interface BotState {
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}
