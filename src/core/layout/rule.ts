/** What every layout rule shares: a warning, no fix, the profile settings as options, and Word documents only. */
import type { GwDocument } from '../document.js';
import type { FormattingResolver } from '../docx/formatting.js';
import { defineRule, type ReportFunction, type Rule } from '../rule.js';
import { layoutSettingsSchema, resolveProfile, type LayoutProfile } from './profile.js';
import { formattingOf } from './word.js';

export interface LayoutContext {
  readonly resolver: FormattingResolver;
  readonly profile: LayoutProfile;
}

export interface LayoutRuleSpec<M extends string> {
  readonly id: string;
  readonly description: string;
  readonly messages: Readonly<Record<M, string>>;
  /** Runs on Word documents only, with their formatting and the profile to check against. */
  check(document: GwDocument, report: ReportFunction<M>, context: LayoutContext): void;
}

export function defineLayoutRule<const M extends string>(spec: LayoutRuleSpec<M>): Rule<M, typeof layoutSettingsSchema> {
  return defineRule({
    id: spec.id,
    description: spec.description,
    severity: 'warn',
    fixable: false,
    messages: spec.messages,
    options: layoutSettingsSchema,
    optionsFromLayout: true,
    check(document, report, options) {
      // Markdown and plain text have no layout.
      const resolver = formattingOf(document);
      if (resolver) spec.check(document, report, { resolver, profile: resolveProfile(options) });
    },
  });
}
