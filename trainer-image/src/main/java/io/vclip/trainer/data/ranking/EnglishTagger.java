package io.vclip.trainer.data.ranking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.extjwnl.data.POS;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits English text into sentences and tokens and tags each token with its UD part of speech and
 * lemma, using the OpenNLP UD-EWT models that ship as Maven jars (nothing is downloaded). Lemmas of
 * nouns and verbs come from WordNet's base-form lookup (other words, and words WordNet does not
 * know, are their own lemma), not from OpenNLP's statistical lemmatizer: that one cost ~30 ms a
 * sentence here, 15× the rest of the pipeline, and the replacements need WordNet's base form
 * anyway. Models are loaded once per JVM and shared; the taggers built on them are not thread-safe,
 * so each instance of this class belongs to one thread.
 */
public final class EnglishTagger {

  private static final class Models {
    static final SentenceModel SENTENCES =
        load("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    static final TokenizerModel TOKENS =
        load("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
    static final POSModel POS = load("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
  }

  private interface ModelReader<T> {
    T read(InputStream in) throws IOException;
  }

  private final SentenceDetectorME sentences = new SentenceDetectorME(Models.SENTENCES);
  private final TokenizerME tokenizer = new TokenizerME(Models.TOKENS);
  private final POSTaggerME tagger = new POSTaggerME(Models.POS, POSTagFormat.UD);

  public List<Token> tag(String text) {
    List<Token> tokens = new ArrayList<>();
    int previousEnd = 0;
    for (Span sentence : sentences.sentPosDetect(text)) {
      String sentenceText = sentence.getCoveredText(text).toString();
      Span[] spans = tokenizer.tokenizePos(sentenceText);
      String[] words = Span.spansToStrings(spans, sentenceText);
      String[] tags = tagger.tag(words);
      String[] lemmas = lemmas(words, tags);
      for (int i = 0; i < words.length; i++) {
        int start = sentence.getStart() + spans[i].getStart();
        boolean space = start > previousEnd && !tokens.isEmpty();
        tokens.add(new Token(words[i], tags[i], lemmas[i], space, i == 0, false));
        previousEnd = sentence.getStart() + spans[i].getEnd();
      }
    }
    return tokens;
  }

  private static String[] lemmas(String[] words, String[] tags) {
    String[] lemmas = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      String lower = words[i].toLowerCase(Locale.ROOT);
      POS pos =
          tags[i].equals("NOUN")
              ? POS.NOUN
              : tags[i].equals("VERB") || tags[i].equals("AUX") ? POS.VERB : null;
      String base = pos == null ? null : WordNet.baseForm(pos, lower);
      lemmas[i] = base == null ? lower : base;
    }
    return lemmas;
  }

  private static <T> T load(String resource, ModelReader<T> reader) {
    try (InputStream in = EnglishTagger.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "OpenNLP model " + resource + " is not on the class path (opennlp-models-*-en jars)");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
    }
  }
}
