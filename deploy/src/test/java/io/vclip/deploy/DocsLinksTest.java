package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipping docs link only to files and headings that exist (alerts link into the runbook by anchor). */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+\\s+(.+?)\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"architecture.md", "deploy.md", "operations-runbook.md"})
    void relativeLinksAndAnchorsResolve(String name) throws IOException {
        Path doc = RepoPaths.root().resolve("docs").resolve(name);
        Matcher m = LINK.matcher(Files.readString(doc));
        int checked = 0;
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-z]+://.*")) {
                continue;
            }
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            Path linked = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
            assertThat(linked).as("%s links to %s", name, target).exists();
            if (target.contains("#")) {
                assertThat(anchors(linked)).as("%s links to %s: no such heading", name, target)
                        .contains(target.substring(target.indexOf('#') + 1));
            }
            checked++;
        }
        assertThat(checked).as("%s has links to check", name).isPositive();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces become hyphens. */
    private static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(Files.readString(markdown));
        while (m.find()) {
            anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
