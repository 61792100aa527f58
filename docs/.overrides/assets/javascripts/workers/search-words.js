// Search, matched the way readers type. Material's search worker looks up
// each typed word as the start of an indexed word, exactly as typed: `coree`
// misses « Corée », `submarines` misses "submarine", and the "un" of
// "Kim Jong-un" matches every word that starts with "un". No setting of
// Material's search plugin or of lunr's French support changes that: Material
// adds `*` to every typed word, and lunr sends such words through no pipeline,
// so neither folding nor stemming ever reaches the query.
//
// This script is started in place of Material's worker (partials/on-demand.html),
// runs it (its address follows the "#" of this script's own) and adjusts the
// lunr library Material exposes as `self.lunr`:
//
// - indexed words lose their accents (Corée -> coree), and so do typed words;
// - a typed word of five letters or more matches the words that start with
//   its stem, from lunr's stemmer for the edition's language ("missiles" ->
//   "missil", "ratifiés" -> "ratif"), when the stem starts the word;
// - in a query of several words, a word of one or two letters ("Un", "UN")
//   or a stop word of the edition's language (« sur », "the") matches only
//   that word, not every word that starts with it (« surveillance »);
// - the words a result says it matched (Material builds the ?h= highlight of
//   the opened page from them), and the suggested word, are the page's own
//   words, accents and all; stop words are never listed as missing (Material
//   checks its English list only).
//
// The separators (mkdocs.yml, mkdocs.fr.yml) cut « l’ONU » into « ONU ».
// Keep `stemmer` out of the search plugin's `pipeline`: stems are taken here,
// on the query side only, so that a word typed in part still matches.
// tests/browser/test_search.py types the readers' queries; a Material update
// that changes what this relies on (message types 0 and 3, self.lunr,
// QueryParser.parse, Builder.add) fails it.

let lang = "en", separator = /[\s\-]+/
addEventListener("message", ev => {
  const setup = ev.data && ev.data.type === 0 && ev.data.data  // Material's setup message
  if (setup && setup.config && setup.config.lang) lang = setup.config.lang[0]
  if (setup && setup.config && setup.config.separator) separator = new RegExp(setup.config.separator)
})
importScripts(location.hash.slice(1))

// Another engine's worker (Zensical's has no lunr) runs unchanged.
const lunr = self.lunr
if (lunr && lunr.QueryParser && lunr.Builder) {
  const fold = word => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae")
  const language = () => lang === "en" ? lunr : lunr[lang] || {}
  const stem = word => {
    if (word.length < 5) return word  // names, mostly ("Choe" is not "cho")
    const stemmer = language().stemmer
    const stemmed = stemmer ? stemmer(new lunr.Token(word)).toString() : word
    return stemmed && word.startsWith(stemmed) ? stemmed : word
  }

  // Index: every word without its accents, after the stop-word filter.
  const written = new Map()  // a folded word -> as the pages write it
  const foldToken = token => token.update(word => {
    const folded = fold(word)
    if (folded !== word && !written.has(folded)) written.set(folded, word)
    return folded
  })
  lunr.Pipeline.registerFunction(foldToken, "foldAccents")
  const builders = new WeakSet()
  const add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!builders.has(this)) {
      builders.add(this)
      this.pipeline.add(foldToken)
    }
    return add.call(this, doc, attributes)
  }

  // Query: the search and Material's analysis of the query both parse here.
  const typed = new Map()  // query term -> the word as typed
  const parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this)
    const several = query.clauses.length > 1
    for (const clause of query.clauses) {
      const prefix = clause.term.endsWith("*")
      const word = prefix ? clause.term.slice(0, -1) : clause.term
      const whole = !prefix || (several && (word.length <= 2 || stopWord(word)))
      const term = whole ? fold(word) : stem(fold(word))
      typed.set(term, word)
      clause.term = whole ? term : term + "*"
    }
    return query
  }

  // A word the index leaves out (« la », « du », « un ») is not "missing".
  const stopWord = word => {
    const filter = language().stopWordFilter
    return Boolean(filter) && !filter(new lunr.Token(word))
  }

  // A section whose heading is what the reader typed, give or take one word
  // ("Vladimir Poutine" for `Poutine`, "Kim Jong-un" for `Kim Jong Un`),
  // ranks as a page whose title has every typed word does: Material adds 1
  // to the weight of pages only, and a who's-who entry is a section.
  const named = item => {
    const terms = Object.keys(item.terms)
    const words = fold(item.title.replace(/<[^>]+>/g, "").toLowerCase()).split(separator).filter(Boolean)
    const has = word => terms.some(term => word.startsWith(term))
    return item.location.includes("#") && terms.length > 0 && terms.every(term => words.some(word => word.startsWith(term)))
      && words.filter(word => !has(word) && !stopWord(word)).length <= 1
  }
  const rank = groups => {
    for (const group of groups) {
      for (const item of group) if (named(item)) item.score *= 5 / 2  // (1 + 2²) / (1 + 1²): Material's weights
      group.sort((a, b) => b.score - a.score)
    }
    groups.sort((a, b) => b[0].score - a[0].score)
  }

  // Results: ranked as above; the words each one matched, as the pages
  // write them; and the suggested word (search.suggest). Left as Material
  // wrote them if anything here fails.
  const post = self.postMessage
  const adjust = result => {
    if (result.suggest) result.suggest = result.suggest.map(word => written.get(word) || word)
    rank(result.items)
    for (const item of result.items.flat()) {
      const marked = [...`${item.title} ${item.text}`.matchAll(/<mark>([^<]+)<\/mark>/g)]
      if (!marked.length) continue
      const terms = {}
      for (const [, word] of marked) terms[word.toLowerCase()] = true
      for (const [term, found] of Object.entries(item.terms))
        if (!found && !stopWord(term)) terms[typed.get(term) || term] = false
      item.terms = terms
    }
  }
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data)  // a search result
      try { adjust(message.data) } catch (err) { console.warn("search-words.js:", err) }
    return post.apply(self, arguments)
  }
}
