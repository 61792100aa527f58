// Highlights on a page opened from a search result (?h=…). Material marks
// each searched word wherever its letters occur, even inside another word:
// "un" (from "Kim Jong-un") in "June", "country", "account", and "missile"
// in "missiles". Its highlighter allows that on purpose, for languages written
// without spaces, and has no setting for it. So that no mark is a piece of a
// word, this script, loaded by partials/on-demand.html when the address has
// ?h=, tidies the marks already there and those Material adds later:
//
// - a mark inside a word is removed;
// - a mark that starts a word is stretched to the word's end ("missiles");
// - except a mark of one or two letters, kept only when it is a whole word
//   next to another mark (the "un" of "Kim Jong-un", not the article « un »).
(() => {
  const letter = /[\p{L}\p{N}]/u
  const joint = /^[\s\-\u2010-\u2015]+$/
  const text = node => node && node.nodeType == 3 ? node.data : ""
  const marked = node => node && node.nodeName == "MARK"
  const tidy = mark => {
    if (!marked(mark) || !mark.hasAttribute("data-md-highlight") || !mark.parentNode) return
    const before = mark.previousSibling, after = mark.nextSibling
    const unwrap = () => mark.replaceWith(...mark.childNodes)
    if (letter.test(text(before).slice(-1))) return unwrap()  // inside a word
    // A last word of one or two letters, and whether it goes on ("un" of "une")
    const [, head, space, short] = /^(?:(.*\S)(\s+))?(\S{1,2})$/su.exec(mark.textContent) || []
    if (letter.test(text(after).charAt(0))) {
      if (!short) {  // the start of a longer word: mark all of it
        const rest = /^[\p{L}\p{N}]+/u.exec(after.data)[0]
        after.data = after.data.slice(rest.length)
        return mark.append(rest)
      }
      if (!head) return unwrap()
      mark.textContent = head  // "Jong-<mark>un un</mark>e" -> "Jong-<mark>un</mark> une"
      return mark.after(space + short)
    }
    if (!short) return
    const next = joint.test(text(before)) && marked(before.previousSibling) || joint.test(text(after)) && marked(after.nextSibling)
    if (!head && !next) unwrap()
  }
  document.querySelectorAll("mark[data-md-highlight]").forEach(tidy)
  new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(tidy)))
    .observe(document.body, { childList: true, subtree: true })
})()
