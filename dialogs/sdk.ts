/**
 * The parts of botbuilder-dialogs this bot uses, imported from their own modules.
 *
 * The package's index also loads every prompt, and with them the Microsoft.Recognizers.Text suites
 * (date-time, number, choice …): about a second of start-up and 37 MB of RSS that no dialog here uses,
 * because the forms parse their own answers (bot/domain/). botbuilder-dialogs is archived at 4.23.3, so its
 * `lib/` layout is fixed; test/dialogs/sdk.test.ts checks that loading the app leaves the recognizers out.
 * Import dialog types from here, never from 'botbuilder-dialogs' (eslint enforces it).
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
