/**
 * Python highlighting in the page's colours: each token colour is a CSS
 * variable (styles.css), so the editor follows the light and dark themes and
 * every colour keeps WCAG AA contrast on the editor's background (CodeMirror's
 * defaultHighlightStyle has some that do not, e.g. #e40 on white: 3.8:1).
 */
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export const labHighlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--hl-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string), tags.escape, tags.regexp], color: 'var(--hl-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--hl-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: 'var(--hl-definition)' },
  { tag: [tags.className, tags.typeName, tags.standard(tags.variableName)], color: 'var(--hl-type)' },
  { tag: [tags.invalid], color: 'var(--block)' },
]);
