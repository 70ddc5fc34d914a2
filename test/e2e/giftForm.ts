import type { PlaygroundSession } from './playground.js';

/** A gift as the employee types it into the Playground's form card (labels as the card shows them). */
export interface TypedGift {
  description: string;
  giver: string;
  kind: string;
  value: string;
  receivedOn: string;
}

/** Fills in the open gift form as a person would and clicks "Melden"; the questions about the giver are answered "Nee". */
export async function fillGiftForm(session: PlaygroundSession, gift: TypedGift): Promise<void> {
  await session.fillCardInput('Wat heb je gekregen of aangeboden gekregen?', gift.description);
  await session.fillCardInput('Van wie? (persoon of organisatie)', gift.giver);
  await session.chooseCardOption('Wie is de gever voor jouw werk?', 'Leverancier of aannemer');
  await session.chooseCardOption('Wat voor soort?', gift.kind);
  await session.fillCardInput('Geschatte waarde in euro', gift.value);
  await session.fillCardInput('Wanneer ontvangen of aangeboden?', gift.receivedOn);
  await session.chooseCardOption('Is het bij je thuis bezorgd?', 'Nee');
  await session.chooseCardOption('Lopen er gesprekken of onderhandelingen met de gever', 'Nee');
  await session.chooseCardOption('Vermoed je dat de gever er iets voor terugverwacht?', 'Nee');
  await session.clickCardButton('Melden');
}
