/**
 * One request form, asked field by field (every channel) or filled as one Adaptive Card (Teams, Web
 * Chat), then summarised for Submit / Edit a field / Cancel, and filed once per draft. The draft lives
 * in this dialog's state, i.e. in conversation state, so it survives a restart.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../sdk';
import {
  agentRowMessages,
  errorMessage,
  formatFullDate,
  karachiToday,
  MAX_AGENTS,
  NAMED_CITIES,
  parseAgentCsv,
  parseAgentLines,
  validateAgentCount,
  validateEndDate,
  type AgentParseResult,
  type IsoDate,
  type ValidationContext,
} from '../../bot/domain/validators';
import { validateForm, type FieldError, type RequestKind } from '../../bot/domain/forms';
import type { CreateResult, DuplicateQuery, RequestStore } from '../../bot/requests/store';
import { csvAttachmentOf, readCsvAttachment, type CsvReadResult } from '../../bot/requests/attachments';
import { turnInfo } from '../../bot/turnInfo';
import { isRtl } from '../../bot/i18n';
import { canUploadFiles } from '../../bot/channels';
import { buildChoices, pickChoice, type Choice } from '../../cards/choices.card';
import { buildIntakeFormCard, cityCardValues, fieldErrorText } from '../../cards/intakeForm.card';
import { buildSummary, summaryActions, type SummaryAction } from '../../cards/summary.card';
import { Verbs } from '../../cards/verbs';
import { InterruptibleDialog, type InterruptionDeps } from './interruptibleDialog';
import { submissionOf, type IntakeSubmission } from './submission';
import { isClear, isDone, recognizeYesNo, interruptionOf } from './words';
import { agentLines, draftRecord, fieldDef, fieldsOf, nextMissingField, rawOfValue, summaryFacts, type IntakeState } from './draft';

export interface IntakeDeps extends InterruptionDeps {
  store: RequestStore;
  /** Today in Asia/Karachi; injected by tests. */
  today?: () => IsoDate;
  /** Reads an attached CSV; injected by tests. */
  readCsv?: (attachment: Attachment) => Promise<CsvReadResult>;
}

export class IntakeDialog extends InterruptibleDialog<IntakeState> {
  constructor(
    dialogId: string,
    readonly kind: RequestKind,
    private readonly deps: IntakeDeps,
  ) {
    super(dialogId, deps);
  }

  /** Starts a fresh draft; on card channels the whole form is offered as one card too. */
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    Object.assign(state, {
      draftId: randomUUID(),
      kind: this.kind,
      phase: 'field',
      field: fieldsOf(this.kind)[0].name,
      values: {},
      raw: {},
      agents: [],
    } satisfies IntakeState);
    const submission = submissionOf(dc.context);
    // A submit from a card whose form had already ended starts a new draft from that card.
    if (submission?.action === 'form') return this.onCardForm(dc, state, submission);
    const { t, rendering } = turnInfo(dc.context);
    await dc.context.sendActivity(t('intake:flow.start', { title: t(`requests:kinds.${this.kind}`) }));
    if (rendering === 'adaptive') {
      await dc.context.sendActivity({ attachments: [this.formCard(dc.context, state)] });
      await dc.context.sendActivity(t('intake:flow.stepsHint'));
    }
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  protected override allowsInterruptions(state: IntakeState): boolean {
    return state.phase !== 'confirmCancel';
  }

  /** A bare reference is an answer while a field is asked (the WFH form asks for one). */
  protected override takesBareReference(state: IntakeState): boolean {
    return state.phase === 'field';
  }

  /** Routes a typed reply or a card submit to the current phase. */
  protected async onAnswer(dc: DialogContext, state: IntakeState, text: string): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const submission = submissionOf(dc.context);
    if (submission) {
      if (submission.action === 'cancel') return this.onCancel(dc, state);
      const foreign =
        (submission.kind !== undefined && submission.kind !== state.kind) ||
        (submission.draftId !== undefined && submission.draftId !== state.draftId && submission.action !== 'form');
      if (foreign) {
        await dc.context.sendActivity(t('intake:flow.wrongForm'));
        await this.prompt(dc.context, state);
        return Dialog.EndOfTurn;
      }
      if (submission.action === 'form') return this.onCardForm(dc, state, submission);
      if (submission.action === 'steps') {
        await this.prompt(dc.context, state);
        return Dialog.EndOfTurn;
      }
    }
    const answer = submission?.choice ?? text;
    switch (state.phase) {
      case 'confirmCancel':
        return this.onConfirmCancel(dc, state, answer);
      case 'confirmDuplicate':
        return this.onConfirmDuplicate(dc, state, answer);
      case 'summary':
        return this.onSummaryAnswer(dc, state, summaryActionOf(submission) ?? this.typedSummaryAction(dc.context, answer));
      case 'pickEdit':
        return this.onPickEdit(dc, state, answer);
      default:
        return state.field === 'agents' ? this.onAgents(dc, state, answer) : this.onFieldAnswer(dc, state, answer);
    }
  }

  /** Sends the question of the current phase. */
  protected async prompt(context: TurnContext, state: IntakeState): Promise<void> {
    const { t, rendering, lang } = turnInfo(context);
    const rtl = isRtl(lang);
    switch (state.phase) {
      case 'summary':
        await context.sendActivity(
          buildSummary({ kind: state.kind, draftId: state.draftId, facts: summaryFacts(state, t), rtl }, rendering, t),
        );
        return;
      case 'pickEdit':
        await context.sendActivity(
          buildChoices(
            {
              title: t('intake:flow.summary.pickField'),
              numberHint: t('intake:flow.choiceHint'),
              verb: Verbs.intakeSubmit,
              draftId: state.draftId,
              choices: this.fieldChoices(context),
              rtl,
            },
            rendering,
          ),
        );
        return;
      case 'confirmCancel':
        await context.sendActivity(
          buildChoices(
            {
              title: t('intake:flow.cancelConfirm'),
              numberHint: t('intake:flow.choiceHint'),
              verb: Verbs.intakeSubmit,
              draftId: state.draftId,
              choices: yesNoChoices(context),
              rtl,
            },
            rendering,
          ),
        );
        return;
      case 'confirmDuplicate':
        await context.sendActivity(
          buildChoices(
            {
              title: this.duplicateQuestion(context, state),
              numberHint: t('intake:flow.choiceHint'),
              verb: Verbs.intakeSubmit,
              draftId: state.draftId,
              choices: yesNoChoices(context),
              rtl,
            },
            rendering,
          ),
        );
        return;
      default:
        await this.askField(context, state);
    }
  }

  /** Explains the current question (or the summary's options). */
  protected async help(context: TurnContext, state: IntakeState): Promise<void> {
    const { t } = turnInfo(context);
    if (state.phase === 'field') {
      const def = fieldDef(state.kind, state.field);
      await context.sendActivity(`${t(def.keys.help)}\n\n${t('intake:flow.example', { example: t(def.keys.example) })}`);
    } else if (state.phase === 'pickEdit') {
      await context.sendActivity(t('intake:flow.summary.pickHelp'));
    } else if (state.phase === 'confirmDuplicate') {
      await context.sendActivity(t('intake:flow.duplicate.help', { reference: state.duplicateOf }));
    } else {
      await context.sendActivity(t('intake:flow.summary.help'));
    }
    await this.prompt(context, state);
  }

  /** Asks whether to discard the draft. */
  protected async onCancel(dc: DialogContext, state: IntakeState): Promise<DialogTurnResult> {
    if (state.phase !== 'confirmCancel') {
      state.cancelFrom = state.phase;
      state.phase = 'confirmCancel';
    }
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async onConfirmCancel(dc: DialogContext, state: IntakeState, answer: string): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const picked = pickChoice(answer, yesNoChoices(dc.context))?.id;
    const yes = picked ? picked === 'yes' : interruptionOf(answer) === 'cancel' ? true : recognizeYesNo(answer);
    if (yes === undefined) {
      await dc.context.sendActivity(t('intake:flow.yesNoRetry'));
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (yes) {
      await this.deps.store.recordCancelled(state.draftId, state.kind);
      await dc.context.sendActivity(t('intake:flow.cancelled'));
      return dc.endDialog({ cancelled: true });
    }
    state.phase = state.cancelFrom ?? 'field';
    delete state.cancelFrom;
    await dc.context.sendActivity(t('intake:flow.notCancelled'));
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  /** Yes files the repeat after all; no closes the form with nothing filed. */
  private async onConfirmDuplicate(dc: DialogContext, state: IntakeState, answer: string): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const picked = pickChoice(answer, yesNoChoices(dc.context))?.id;
    const yes = picked ? picked === 'yes' : recognizeYesNo(answer);
    if (yes === undefined) {
      await dc.context.sendActivity(t('intake:flow.yesNoRetry'));
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (yes) {
      state.duplicateConfirmed = true;
      return this.submit(dc, state);
    }
    await this.deps.store.recordCancelled(state.draftId, state.kind);
    await dc.context.sendActivity(t('intake:flow.duplicate.notFiled', { reference: state.duplicateOf }));
    return dc.endDialog({ cancelled: true });
  }

  private duplicateQuestion(context: TurnContext, state: IntakeState): string {
    const { t } = turnInfo(context);
    const what = t(state.kind === 'wfh' ? 'intake:flow.duplicate.whatWfh' : 'intake:flow.duplicate.whatWhitelisting');
    return t('intake:flow.duplicate.ask', { reference: state.duplicateOf, what });
  }

  /** Asks before filing what repeats one of the user's open requests; true when it asked. */
  private async askIfDuplicate(dc: DialogContext, state: IntakeState, query: DuplicateQuery): Promise<boolean> {
    if (state.duplicateConfirmed) return false;
    const earlier = await this.deps.store.findOpenDuplicate(query);
    if (!earlier) return false;
    state.phase = 'confirmDuplicate';
    state.duplicateOf = earlier.reference;
    await this.prompt(dc.context, state);
    return true;
  }

  /** Validates one answer; a refusal says what is wrong with an example and the question stands. */
  private async onFieldAnswer(dc: DialogContext, state: IntakeState, answer: string): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const def = fieldDef(state.kind, state.field);
    const input = def.input === 'choice' ? (pickChoice(answer, this.choicesOf(dc.context, state.field))?.id ?? answer) : answer;
    const result = def.validate(input, this.validationContext(state));
    if (!result.ok) {
      await dc.context.sendActivity(errorMessage(t, result));
      if (def.input === 'choice') await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    state.values[def.name] = result.value;
    state.raw[def.name] = rawOfValue(result.value, input);
    // "kal se", "next Monday", "15/12": the date is said back in full, so a wrong reading is seen at once.
    if (def.input === 'date' && typeof result.value === 'string') {
      await dc.context.sendActivity(t('intake:flow.dateConfirmed', { label: t(def.keys.label), date: formatFullDate(result.value, t) }));
    }
    return this.advance(dc, state);
  }

  /** Agents arrive one by one, as pasted lines or as a CSV; good rows are kept, bad rows reported by number. */
  private async onAgents(dc: DialogContext, state: IntakeState, answer: string): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const attachment = csvAttachmentOf(dc.context.activity.attachments);
    if (attachment) {
      const file = await (this.deps.readCsv ?? readCsvAttachment)(attachment);
      if (!file.ok) {
        await dc.context.sendActivity(
          t(file.reason === 'tooLarge' ? 'intake:flow.agents.csvTooLarge' : 'intake:flow.agents.csvUnreadable'),
        );
        return Dialog.EndOfTurn;
      }
      return this.addAgents(dc, state, parseAgentCsv(file.text, { existing: state.agents }));
    }
    if (!answer) {
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (isDone(answer)) {
      const count = validateAgentCount(state.agents);
      if (!count.ok) {
        await dc.context.sendActivity(errorMessage(t, count));
        return Dialog.EndOfTurn;
      }
      state.values.agents = count.value;
      state.raw.agents = agentLines(count.value);
      return this.advance(dc, state);
    }
    if (isClear(answer)) {
      state.agents = [];
      delete state.values.agents;
      await dc.context.sendActivity(t('intake:flow.agents.cleared'));
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return this.addAgents(dc, state, parseAgentLines(answer, { existing: state.agents }));
  }

  private async addAgents(dc: DialogContext, state: IntakeState, parsed: AgentParseResult): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const total = state.agents.length + parsed.agents.length;
    if (total > MAX_AGENTS) {
      await dc.context.sendActivity(errorMessage(t, { error: 'agents.tooMany', detail: String(total) }));
      return Dialog.EndOfTurn;
    }
    state.agents.push(...parsed.agents);
    // A finished list that grows or shrinks must be confirmed with "done" again.
    delete state.values.agents;
    const added = parsed.agents.length;
    const lines =
      parsed.errors.length === 0
        ? [t('intake:flow.agents.added', { added, total }), t('intake:flow.agents.more'), ...fileHint(dc.context)]
        : [
            errorMessage(t, { error: 'agents.badRows', detail: String(parsed.errors.length) }),
            ...agentRowMessages(t, parsed.errors),
            t('intake:flow.agents.kept', { added, total }),
          ];
    await dc.context.sendActivity(lines.join('\n'));
    return Dialog.EndOfTurn;
  }

  /** Asks the next unanswered field, or shows the summary when none is left. */
  private async advance(dc: DialogContext, state: IntakeState): Promise<DialogTurnResult> {
    // A changed start date can put an already given end date out of range; then it is asked again.
    if (
      state.field === 'startDate' &&
      state.raw.endDate !== undefined &&
      !validateEndDate(state.raw.endDate, this.validationContext(state)).ok
    ) {
      delete state.values.endDate;
      delete state.raw.endDate;
    }
    const next = nextMissingField(state);
    if (next) {
      state.phase = 'field';
      state.field = next;
    } else {
      state.phase = 'summary';
    }
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async onSummaryAnswer(dc: DialogContext, state: IntakeState, action: SummaryAction | undefined): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    switch (action) {
      case 'submit':
        return this.submit(dc, state);
      case 'edit':
        state.phase = 'pickEdit';
        await this.prompt(dc.context, state);
        return Dialog.EndOfTurn;
      case 'cancel':
        return this.onCancel(dc, state);
      default:
        await dc.context.sendActivity(t('intake:flow.summary.unclear'));
        return Dialog.EndOfTurn;
    }
  }

  private async onPickEdit(dc: DialogContext, state: IntakeState, answer: string): Promise<DialogTurnResult> {
    const picked = pickChoice(answer, this.fieldChoices(dc.context)) ?? this.fieldChoices(dc.context).find((c) => c.id === answer);
    if (picked) {
      state.phase = 'field';
      state.field = picked.id;
    }
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  /** Validates the whole draft again (a date may have passed overnight) and files it once. */
  private async submit(dc: DialogContext, state: IntakeState): Promise<DialogTurnResult> {
    const { t, lang } = turnInfo(dc.context);
    const activity: Partial<Activity> = dc.context.activity;
    const common = {
      draftId: state.draftId,
      language: lang,
      owner: {
        channelId: activity.channelId ?? '',
        userId: activity.from?.id ?? '',
        conversationId: activity.conversation?.id ?? '',
        userName: activity.from?.name || undefined,
      },
    };
    const record = draftRecord(state);
    const context = { today: this.today() };
    let filed: CreateResult;
    const owner = { channelId: common.owner.channelId, userId: common.owner.userId };
    if (state.kind === 'wfh') {
      const result = validateForm('wfh', record, context);
      if (!result.ok) return this.recheck(dc, state, result.errors);
      if (await this.askIfDuplicate(dc, state, { kind: 'wfh', owner, cnics: result.draft.agents.map((a) => a.cnic) }))
        return Dialog.EndOfTurn;
      filed = await this.deps.store.create({ kind: 'wfh', draft: result.draft, ...common });
    } else {
      const result = validateForm('whitelisting', record, context);
      if (!result.ok) return this.recheck(dc, state, result.errors);
      if (
        await this.askIfDuplicate(dc, state, { kind: 'whitelisting', owner, companyName: result.draft.companyName, ntn: result.draft.ntn })
      )
        return Dialog.EndOfTurn;
      filed = await this.deps.store.create({ kind: 'whitelisting', draft: result.draft, ...common });
    }
    const { reference } = filed.request;
    await dc.context.sendActivity(
      filed.created
        ? t('intake:flow.submitted', { title: t(`requests:kinds.${state.kind}`), reference })
        : t('intake:flow.alreadySubmitted', { reference }),
    );
    return dc.endDialog({ reference });
  }

  /** A field that no longer passes at submit is asked again, with the reason. */
  private async recheck(dc: DialogContext, state: IntakeState, errors: Partial<Record<string, FieldError>>): Promise<DialogTurnResult> {
    const { t } = turnInfo(dc.context);
    const [name, error] = Object.entries(errors).find((entry): entry is [string, FieldError] => entry[1] !== undefined) ?? [];
    if (!name || !error) throw new Error('recheck without an error');
    delete state.values[name];
    delete state.raw[name];
    if (name === 'agents') state.agents = [];
    state.phase = 'field';
    state.field = name;
    await dc.context.sendActivity(`${t('intake:flow.recheck')}\n${fieldErrorText(t, error)}`);
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  /** The one-card form was submitted: all valid → summary; else the card again with the errors marked. */
  private async onCardForm(dc: DialogContext, state: IntakeState, submission: IntakeSubmission): Promise<DialogTurnResult> {
    const { record } = submission;
    const context = { today: this.today() };
    const result = state.kind === 'wfh' ? validateForm('wfh', record, context) : validateForm('whitelisting', record, context);
    if (!result.ok) {
      await dc.context.sendActivity({ attachments: [this.formCard(dc.context, state, stringValues(record), result.errors)] });
      return Dialog.EndOfTurn;
    }
    const draft: Record<string, unknown> = { ...result.draft };
    for (const def of fieldsOf(state.kind)) {
      const typed = record[def.name];
      state.values[def.name] = draft[def.name];
      state.raw[def.name] = rawOfValue(draft[def.name], typeof typed === 'string' ? typed : String(typed ?? ''));
    }
    if ('agents' in result.draft) {
      state.agents = result.draft.agents;
      state.raw.agents = agentLines(state.agents);
    }
    state.phase = 'summary';
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async askField(context: TurnContext, state: IntakeState): Promise<void> {
    const { t, rendering, lang } = turnInfo(context);
    const def = fieldDef(state.kind, state.field);
    if (def.input === 'choice') {
      await context.sendActivity(
        buildChoices(
          {
            title: t(def.keys.prompt),
            numberHint: t('intake:flow.choiceHint'),
            verb: Verbs.intakeSubmit,
            draftId: state.draftId,
            choices: this.choicesOf(context, def.name),
            rtl: isRtl(lang),
          },
          rendering,
        ),
      );
      return;
    }
    const lines = [t(def.keys.prompt)];
    if (def.name === 'agents' && state.agents.length > 0)
      lines.push(t('intake:flow.agents.current', { total: state.agents.length }), t('intake:flow.agents.more'));
    if (def.name === 'agents') lines.push(...fileHint(context));
    await context.sendActivity(lines.join('\n'));
  }

  private formCard(
    context: TurnContext,
    state: IntakeState,
    values?: Record<string, string>,
    errors?: Partial<Record<string, FieldError>>,
  ): Attachment {
    const { t, lang } = turnInfo(context);
    const shown = values ?? { ...state.raw, ...cityCardValues(state.raw.city, NAMED_CITIES) };
    return buildIntakeFormCard({ kind: state.kind, draftId: state.draftId, values: shown, errors, rtl: isRtl(lang) }, t);
  }

  private choicesOf(context: TurnContext, name: string): Choice[] {
    const { t } = turnInfo(context);
    const def = fieldDef(this.kind, name);
    return (def.choices ?? []).map((id) => ({ id, title: t(`${def.choiceLabelPrefix ?? ''}${id}`) }));
  }

  private fieldChoices(context: TurnContext): Choice[] {
    const { t } = turnInfo(context);
    return fieldsOf(this.kind).map((f) => ({ id: f.name, title: t(f.keys.label) }));
  }

  private typedSummaryAction(context: TurnContext, answer: string): SummaryAction | undefined {
    const { t } = turnInfo(context);
    const choices = summaryActions.map((id) => ({ id, title: t(`intake:flow.summary.${id}`) }));
    const picked = pickChoice(answer, choices)?.id;
    if (picked) return summaryActions.find((a) => a === picked);
    return recognizeYesNo(answer) === true ? 'submit' : undefined;
  }

  private validationContext(state: IntakeState): ValidationContext {
    const start = state.values.startDate;
    return { today: this.today(), ...(typeof start === 'string' ? { startDate: start } : {}) };
  }

  private today(): IsoDate {
    return this.deps.today?.() ?? karachiToday();
  }
}

/** The summary action a card button carries, if any. */
function summaryActionOf(submission: IntakeSubmission | undefined): SummaryAction | undefined {
  return summaryActions.find((a) => a === submission?.action);
}

/** "You can also attach a CSV file", where the channel lets the user send one. */
function fileHint(context: TurnContext): string[] {
  const { activity } = context;
  return canUploadFiles(activity.channelId, activity.conversation?.conversationType)
    ? [turnInfo(context).t('intake:flow.agents.attachHint')]
    : [];
}

/** Yes / No in the turn's language. */
function yesNoChoices(context: TurnContext): Choice[] {
  const { t } = turnInfo(context);
  return [
    { id: 'yes', title: t('intake:flow.yes') },
    { id: 'no', title: t('intake:flow.no') },
  ];
}

/** A card's inputs as strings, to show them again. */
function stringValues(record: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  return out;
}
