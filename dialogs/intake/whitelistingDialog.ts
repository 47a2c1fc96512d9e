/** The whitelisting request form (kind `whitelisting`). */
import { DialogIds } from '../dialogIds';
import { IntakeDialog, type IntakeDeps } from './intakeDialog';

export class WhitelistingDialog extends IntakeDialog {
  constructor(deps: IntakeDeps) {
    super(DialogIds.whitelisting, 'whitelisting', deps);
  }
}
