import { discussedReply, meetingVerbs } from '../meetings/index.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller } from './caller.js';
import { invokeReply, noIdentity } from './workflows.js';
import { localize } from '../i18n/index.js';

/** The managers' integrity reminder: its one button, answered by the domain from the caller's Teams identity. */
export function registerMeetings(app: BotApplication, feature: FeatureContext): void {
  app.adaptiveCards.actionExecute(meetingVerbs.discussed, async (context, _state, data) => {
    const who = await resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
    if (!who.aadObjectId) return localize(noIdentity, who.lang);
    return invokeReply(await discussedReply({ db: feature.database.db, directory: feature.directory }, { aadObjectId: who.aadObjectId, lang: who.lang }, data, feature.now()));
  });
}
