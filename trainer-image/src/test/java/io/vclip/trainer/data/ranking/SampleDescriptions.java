package io.vclip.trainer.data.ranking;

import java.util.List;

/** Real-looking long video descriptions, in the style of VILD captions. */
final class SampleDescriptions {

  static final List<String> ALL =
      List.of(
          "A young boy in a red jacket throws a ball to his dog, while two women sit on a wooden"
              + " bench. The camera slowly pans left to show a tall building that has blue"
              + " windows.",
          "In a sunny park, three children run across the green grass and a man walks his two black"
              + " dogs along the path.",
          "A woman in a white dress opens the door of an old house, and she walks inside holding a"
              + " small basket.",
          "The video shows a chef in a busy kitchen. He cuts fresh vegetables on a wooden board and"
              + " pours the soup into a large pot.",
          "Two cyclists ride down a steep hill on a rainy day, and a red car follows them along the"
              + " narrow road.",
          "A girl with long brown hair plays the guitar on a small stage, while four friends watch"
              + " her from the front row.",
          "An elderly man feeds the pigeons in a quiet square. A yellow bus drives past him and"
              + " turns right at the corner.",
          "The camera moves up to reveal a snowy mountain above a frozen lake, where five skaters"
              + " glide in a circle.",
          "A black cat jumps onto the kitchen table and knocks a glass of milk onto the floor.",
          "Three dancers in purple costumes spin clockwise on a bright stage as the audience claps"
              + " loudly.",
          "A fisherman pulls a large net out of the water, and several silver fish fall back into"
              + " the sea.",
          "A little girl climbs a wooden ladder to reach the top shelf of an old bookcase, which"
              + " stands in a dark corner.",
          "A man in a blue shirt walks his bicycle across a busy street, and a taxi stops to let"
              + " him pass.",
          "Six students sit around a round table in a bright classroom and write notes in their"
              + " notebooks.",
          "A dog runs along the beach toward the ocean as the waves crash onto the white sand.");

  private SampleDescriptions() {}
}
