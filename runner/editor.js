// The code editor of a runnable block: CodeMirror 6 with Python highlighting in the colours
// of Material's code blocks (its CSS variables, so light and dark schemes both work).
// Loaded by block.js only on pages that have runnable blocks (a separate chunk).

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

const colour = (name) => `var(--md-code-hl-${name}-color)`;

const highlighting = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword], color: colour("keyword") },
  { tag: [t.string, t.special(t.string), t.docString], color: colour("string") },
  { tag: [t.number, t.bool, t.null], color: colour("number") },
  { tag: [t.comment, t.lineComment], color: colour("comment"), fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: colour("function") },
  { tag: [t.definition(t.variableName), t.className], color: colour("function") },
  { tag: [t.operator, t.derefOperator], color: colour("operator") },
  { tag: [t.punctuation, t.bracket, t.separator], color: colour("punctuation") },
  { tag: [t.standard(t.variableName), t.self], color: colour("constant") },
  { tag: [t.meta, t.annotation], color: colour("special") },
]);

const theme = EditorView.theme({
  "&": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--md-code-fg-color)",
    fontSize: "0.85em", // as Material's code blocks
    margin: "1em 0 0",
  },
  ".cm-scroller": {
    fontFamily: "var(--md-code-font-family)",
    lineHeight: "1.4",
    overflow: "auto",
  },
  ".cm-content": { padding: "0.7720588235em 0", caretColor: "var(--md-code-fg-color)" },
  ".cm-line": { padding: "0 1.1764705882em 0 0.6em" },
  ".cm-gutters": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--guide-runner-gutter-color)",
    border: "none",
  },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--guide-runner-active-line)" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "2px" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--md-code-fg-color)" },
  "&.cm-focused .cm-selectionBackground, ::selection, .cm-selectionBackground": {
    backgroundColor: "var(--guide-runner-selection)",
  },
});

/**
 * Replace a highlighted code block's <pre> with an editor holding `code`, or `kept` (the
 * reader's earlier edit of it) when given. Lines are numbered from firstLine (as in the
 * snippet's file). onRun is called on Ctrl+Enter / Cmd+Enter; onChange(changed) when the
 * code changes, with whether it now differs from `code`.
 */
export function createEditor({ parent, before, code, kept = null, firstLine = 1, label, onRun, onChange }) {
  const original = code;
  const view = new EditorView({
    state: EditorState.create({
      doc: kept ?? code,
      extensions: [
        Prec.highest(
          keymap.of([
            { key: "Mod-Enter", run: () => (onRun(), true) },
            { key: "Shift-Enter", run: () => (onRun(), true) },
          ]),
        ),
        lineNumbers({ formatNumber: (n) => String(n + firstLine - 1) }),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        python(),
        syntaxHighlighting(highlighting),
        theme,
        EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString() !== original);
        }),
      ],
    }),
  });
  parent.insertBefore(view.dom, before);
  return {
    view,
    get code() {
      return view.state.doc.toString();
    },
    set code(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus() {
      view.focus();
    },
  };
}
