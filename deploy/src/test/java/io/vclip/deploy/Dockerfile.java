package io.vclip.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Dockerfile as its instructions (continuation lines joined, comments dropped), split into stages. */
/** {@code global} holds what comes before the first FROM (build ARGs). */
record Dockerfile(Path file, List<Instruction> global, List<List<Instruction>> stages) {
    record Instruction(String keyword, String arguments) {
        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }
    }

    static Dockerfile parse(Path file) throws IOException {
        List<Instruction> global = new ArrayList<>();
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String full = pending.toString().trim();
            pending.setLength(0);
            String[] parts = full.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            (stages.isEmpty() ? global : stages.get(stages.size() - 1)).add(instruction);
        }
        return new Dockerfile(file, global, stages);
    }

    List<Instruction> finalStage() {
        return stages.get(stages.size() - 1);
    }

    List<Instruction> all(String keyword) {
        return java.util.stream.Stream.concat(global.stream(), stages.stream().flatMap(List::stream))
                .filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The value of an ENV key in the final stage (ENV A=1 B=2 form). */
    String env(String key) {
        for (Instruction i : finalStage()) {
            if (i.keyword().equals("ENV")) {
                for (String word : i.words()) {
                    if (word.startsWith(key + "=")) {
                        return word.substring(key.length() + 1);
                    }
                }
            }
        }
        return null;
    }
}
