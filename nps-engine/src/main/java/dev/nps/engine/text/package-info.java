/**
 * The built-in text analyser: sentiment, themes, and what drives the score, in pure Java with no dependency.
 *
 * <ul>
 *   <li>{@link dev.nps.engine.text.SentimentScorer}: our implementation of the VADER rules over the VADER lexicon
 *       (shipped as a resource with its MIT notice): an exact port of the reference ({@code vader()}) and the default
 *       {@code nps()}, with a customer-feedback layer and fixes for known VADER weaknesses (docs/sentiment.md).</li>
 *   <li>{@link dev.nps.engine.text.ThemeModel} and {@link dev.nps.engine.text.ThemeTagger}: unsupervised themes
 *       discovered from a batch of comments, user themes that take precedence, rename and merge.</li>
 *   <li>{@link dev.nps.engine.text.BuiltinTextAnalyser}: the {@code builtin} {@link dev.nps.spi.TextAnalyser}, found
 *       through {@link dev.nps.engine.text.BuiltinTextAnalyserProvider}.</li>
 *   <li>{@link dev.nps.engine.text.ThemeReporter}: the theme report ({@link dev.nps.api.analytics.ThemeReport}).</li>
 * </ul>
 *
 * <p>Sentiment cites: Hutto, C.J. and Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
 * Analysis of Social Media Text. ICWSM-14. The lexicon files are Copyright (c) 2016 C.J. Hutto, MIT licence; see
 * {@code dev/nps/engine/text/LICENSE-VADER.txt} and {@code NOTICE-VADER.txt} in this jar.
 */
package dev.nps.engine.text;
