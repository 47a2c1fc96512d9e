/** How a catalog entry is shown: `takesValue` means its text interpolates `{{value}}` (the offending part). */
export interface ErrorDef {
  readonly takesValue: boolean;
}

const plain: ErrorDef = { takesValue: false };
const withValue: ErrorDef = { takesValue: true };

/**
 * Every reason intake can refuse a value. Each code's text lives at `intake:errors.<code>`
 * in both locales and says what is wrong and shows an example.
 */
export const INTAKE_ERRORS = {
  'companyName.tooShort': plain,
  'companyName.tooLong': plain,
  'psebRegistrationNo.format': plain,
  'psebRegistrationNo.length': plain,
  'ntn.format': plain,
  'ntn.length': plain,
  'contactName.tooShort': plain,
  'contactName.tooLong': plain,
  'contactName.noLetters': plain,
  'cnic.format': plain,
  'cnic.length': plain,
  'mobile.format': plain,
  'mobile.notPakistani': plain,
  'mobile.notMobile': plain,
  'mobile.length': plain,
  'email.format': plain,
  'city.otherName': plain,
  'city.tooShort': plain,
  'city.tooLong': plain,
  'agentSeats.format': plain,
  'agentSeats.range': plain,
  'ip.empty': plain,
  'ip.tooMany': withValue,
  'ip.format': withValue,
  'ip.ipv6': withValue,
  'ip.cidrTooBroad': withValue,
  'ip.cidrHostBits': withValue,
  'ip.private': withValue,
  'ip.loopback': withValue,
  'ip.linkLocal': withValue,
  'ip.multicast': withValue,
  'ip.carrierGradeNat': withValue,
  'ip.unspecified': withValue,
  'ip.broadcast': withValue,
  'ip.reserved': withValue,
  'whitelistingReference.format': plain,
  'whitelistingReference.wrongKind': withValue,
  'date.format': plain,
  'date.invalid': withValue,
  'date.ambiguous': withValue,
  'date.past': withValue,
  'date.beforeStart': withValue,
  'date.tooLong': withValue,
  'agent.fullName.tooShort': plain,
  'agent.fullName.tooLong': plain,
  'agent.fullName.noLetters': plain,
  'agent.city.tooShort': plain,
  'agent.city.tooLong': plain,
  'agent.isp.tooShort': plain,
  'agent.isp.tooLong': plain,
  'agent.ip.format': withValue,
  'agents.columns': withValue,
  'agents.headerColumns': withValue,
  'agents.duplicateCnic': withValue,
  'agents.cnicAlreadyListed': plain,
  'agents.badRows': withValue,
  'agents.empty': plain,
  'agents.tooMany': withValue,
} as const satisfies Record<string, ErrorDef>;

export type IntakeErrorCode = keyof typeof INTAKE_ERRORS;

/** All catalog codes, in declaration order. */
export const INTAKE_ERROR_CODES = Object.keys(INTAKE_ERRORS) as IntakeErrorCode[];

/** The i18next key (`intake:errors.<code>`) holding the text for a code. */
export function errorKey(code: IntakeErrorCode): string {
  return `intake:errors.${code}`;
}
