package io.vclip.trainer.data.ranking;

import java.util.Map;
import java.util.Optional;

/**
 * Puts a replacement noun or verb into the same form as the word it replaces (dogs → cats, threw →
 * lifted). Regular English rules plus a table of common irregular verbs and nouns; a form it cannot
 * produce with confidence is refused (empty), and the operator picks another word.
 */
final class Inflector {

  enum VerbForm {
    BASE,
    THIRD_PERSON,
    PAST,
    PARTICIPLE,
    GERUND
  }

  /** Irregular verbs: base → {past, past participle}. */
  private static final Map<String, String[]> IRREGULAR_VERBS =
      Map.ofEntries(
          verb("be", "was", "been"),
          verb("begin", "began", "begun"),
          verb("bend", "bent", "bent"),
          verb("bite", "bit", "bitten"),
          verb("blow", "blew", "blown"),
          verb("break", "broke", "broken"),
          verb("bring", "brought", "brought"),
          verb("build", "built", "built"),
          verb("buy", "bought", "bought"),
          verb("catch", "caught", "caught"),
          verb("choose", "chose", "chosen"),
          verb("come", "came", "come"),
          verb("cut", "cut", "cut"),
          verb("dig", "dug", "dug"),
          verb("draw", "drew", "drawn"),
          verb("drink", "drank", "drunk"),
          verb("drive", "drove", "driven"),
          verb("eat", "ate", "eaten"),
          verb("fall", "fell", "fallen"),
          verb("feed", "fed", "fed"),
          verb("feel", "felt", "felt"),
          verb("fight", "fought", "fought"),
          verb("find", "found", "found"),
          verb("fly", "flew", "flown"),
          verb("forget", "forgot", "forgotten"),
          verb("freeze", "froze", "frozen"),
          verb("give", "gave", "given"),
          verb("go", "went", "gone"),
          verb("grow", "grew", "grown"),
          verb("hang", "hung", "hung"),
          verb("hear", "heard", "heard"),
          verb("hide", "hid", "hidden"),
          verb("hit", "hit", "hit"),
          verb("hold", "held", "held"),
          verb("keep", "kept", "kept"),
          verb("know", "knew", "known"),
          verb("lay", "laid", "laid"),
          verb("lead", "led", "led"),
          verb("leave", "left", "left"),
          verb("lend", "lent", "lent"),
          verb("lie", "lay", "lain"),
          verb("light", "lit", "lit"),
          verb("lose", "lost", "lost"),
          verb("make", "made", "made"),
          verb("meet", "met", "met"),
          verb("pay", "paid", "paid"),
          verb("put", "put", "put"),
          verb("read", "read", "read"),
          verb("ride", "rode", "ridden"),
          verb("ring", "rang", "rung"),
          verb("rise", "rose", "risen"),
          verb("run", "ran", "run"),
          verb("say", "said", "said"),
          verb("see", "saw", "seen"),
          verb("sell", "sold", "sold"),
          verb("send", "sent", "sent"),
          verb("set", "set", "set"),
          verb("shake", "shook", "shaken"),
          verb("shine", "shone", "shone"),
          verb("shoot", "shot", "shot"),
          verb("show", "showed", "shown"),
          verb("shut", "shut", "shut"),
          verb("sing", "sang", "sung"),
          verb("sink", "sank", "sunk"),
          verb("sit", "sat", "sat"),
          verb("sleep", "slept", "slept"),
          verb("slide", "slid", "slid"),
          verb("speak", "spoke", "spoken"),
          verb("spend", "spent", "spent"),
          verb("spin", "spun", "spun"),
          verb("stand", "stood", "stood"),
          verb("steal", "stole", "stolen"),
          verb("stick", "stuck", "stuck"),
          verb("strike", "struck", "struck"),
          verb("swim", "swam", "swum"),
          verb("swing", "swung", "swung"),
          verb("take", "took", "taken"),
          verb("teach", "taught", "taught"),
          verb("tear", "tore", "torn"),
          verb("tell", "told", "told"),
          verb("think", "thought", "thought"),
          verb("throw", "threw", "thrown"),
          verb("wake", "woke", "woken"),
          verb("wear", "wore", "worn"),
          verb("win", "won", "won"),
          verb("write", "wrote", "written"),
          verb("beat", "beat", "beaten"),
          verb("become", "became", "become"),
          verb("bind", "bound", "bound"),
          verb("deal", "dealt", "dealt"),
          verb("do", "did", "done"),
          verb("get", "got", "gotten"),
          verb("have", "had", "had"),
          verb("let", "let", "let"),
          verb("mean", "meant", "meant"),
          verb("quit", "quit", "quit"),
          verb("seek", "sought", "sought"),
          verb("shrink", "shrank", "shrunk"),
          verb("split", "split", "split"),
          verb("spread", "spread", "spread"),
          verb("sweep", "swept", "swept"),
          verb("weep", "wept", "wept"));

  private static final Map<String, String> IRREGULAR_PLURALS =
      Map.ofEntries(
          Map.entry("man", "men"),
          Map.entry("woman", "women"),
          Map.entry("child", "children"),
          Map.entry("person", "people"),
          Map.entry("foot", "feet"),
          Map.entry("tooth", "teeth"),
          Map.entry("mouse", "mice"),
          Map.entry("goose", "geese"),
          Map.entry("ox", "oxen"),
          Map.entry("sheep", "sheep"),
          Map.entry("deer", "deer"),
          Map.entry("fish", "fish"),
          Map.entry("knife", "knives"),
          Map.entry("leaf", "leaves"),
          Map.entry("wife", "wives"),
          Map.entry("life", "lives"),
          Map.entry("wolf", "wolves"),
          Map.entry("shelf", "shelves"),
          Map.entry("half", "halves"),
          Map.entry("calf", "calves"),
          Map.entry("loaf", "loaves"),
          Map.entry("potato", "potatoes"),
          Map.entry("tomato", "tomatoes"),
          Map.entry("hero", "heroes"));

  private static Map.Entry<String, String[]> verb(String base, String past, String participle) {
    return Map.entry(base, new String[] {past, participle});
  }

  private Inflector() {}

  /** Whether {@code word} is the plural of {@code lemma} (by the same rules used to build one). */
  static boolean isPlural(String word, String lemma) {
    return !word.equals(lemma) && word.equals(plural(lemma));
  }

  static String plural(String noun) {
    String irregular = IRREGULAR_PLURALS.get(noun);
    if (irregular != null) {
      return irregular;
    }
    if (noun.matches(".*(s|x|z|ch|sh)")) {
      return noun + "es";
    }
    if (noun.matches(".*[^aeiou]y")) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  /** The form {@code word} has as an inflection of {@code lemma}, if it is one this class knows. */
  static Optional<VerbForm> formOf(String word, String lemma) {
    if (word.equals(lemma)) {
      return Optional.of(VerbForm.BASE);
    }
    for (VerbForm form :
        new VerbForm[] {
          VerbForm.GERUND, VerbForm.THIRD_PERSON, VerbForm.PAST, VerbForm.PARTICIPLE
        }) {
      if (inflect(lemma, form).filter(word::equals).isPresent()) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }

  static Optional<String> inflect(String verb, VerbForm form) {
    String[] irregular = IRREGULAR_VERBS.get(verb);
    return switch (form) {
      case BASE -> Optional.of(verb);
      case THIRD_PERSON -> Optional.of(thirdPerson(verb));
      case GERUND -> Optional.of(gerund(verb));
      case PAST -> Optional.of(irregular != null ? irregular[0] : regularPast(verb));
      case PARTICIPLE -> Optional.of(irregular != null ? irregular[1] : regularPast(verb));
    };
  }

  /** Whether the irregular table knows this verb's past forms. */
  static boolean listsIrregular(String verb) {
    return IRREGULAR_VERBS.containsKey(verb);
  }

  private static String thirdPerson(String verb) {
    if (verb.equals("have")) {
      return "has";
    }
    if (verb.matches(".*(s|x|z|ch|sh|o)")) {
      return verb + "es";
    }
    if (verb.matches(".*[^aeiou]y")) {
      return verb.substring(0, verb.length() - 1) + "ies";
    }
    return verb + "s";
  }

  private static String regularPast(String verb) {
    if (verb.endsWith("e")) {
      return verb + "d";
    }
    if (verb.matches(".*[^aeiou]y")) {
      return verb.substring(0, verb.length() - 1) + "ied";
    }
    return doubledFinal(verb) + "ed";
  }

  private static String gerund(String verb) {
    if (verb.endsWith("ie")) {
      return verb.substring(0, verb.length() - 2) + "ying";
    }
    if (verb.endsWith("e") && !verb.matches(".*(ee|ye|oe)")) {
      return verb.substring(0, verb.length() - 1) + "ing";
    }
    return doubledFinal(verb) + "ing";
  }

  // One-syllable consonant-vowel-consonant verbs double the last letter (stop → stopped, run →
  // running).
  private static String doubledFinal(String verb) {
    boolean oneVowelGroup = verb.replaceAll("[^aeiou]+", " ").trim().split(" ").length == 1;
    if (oneVowelGroup && verb.matches(".*[^aeiou][aeiou][bdgklmnprt]")) {
      return verb + verb.charAt(verb.length() - 1);
    }
    return verb;
  }
}
