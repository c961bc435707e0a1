package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documentation holds together: every relative link of every Markdown file in the repository resolves (to a
 * file, and to a heading where it names one), and the README's options table names the same init-params as the
 * full reference in docs/.
 */
class DocsTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    static final Pattern HEADING = Pattern.compile("^#+\\s+(.*)$");

    @Test
    void everyRelativeLinkInTheMarkdownResolves() throws IOException {
        List<Path> files = markdownFiles();
        assertTrue(files.contains(ROOT.resolve("README.md")), () -> "no README.md under " + ROOT);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            Matcher m = LINK.matcher(withoutCodeBlocks(Files.readString(file)));
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue; // https:, mailto: and the like
                }
                checked++;
                int hash = link.indexOf('#');
                String target = hash < 0 ? link : link.substring(0, hash);
                Path resolved = target.isEmpty() ? file : file.getParent().resolve(target).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + ": " + link + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(link.substring(hash + 1))) {
                    broken.add(ROOT.relativize(file) + ": " + link + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " relative links found: is " + ROOT + " the repository?");
        assertEquals(List.of(), broken);
    }

    @Test
    void theReadmeOptionsTableNamesTheSameInitParamsAsTheReference() throws IOException {
        Set<String> readme = firstColumn(Files.readString(ROOT.resolve("README.md")), "## Options");
        Set<String> reference = firstColumn(Files.readString(ROOT.resolve("docs/reference.md")), "# Reference");
        assertFalse(readme.isEmpty());
        assertEquals(reference, readme);
    }

    /** The first cells, in backticks, of the first table after {@code heading}. */
    static Set<String> firstColumn(String markdown, String heading) {
        Set<String> names = new LinkedHashSet<>();
        boolean inSection = false;
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith(heading)) {
                inSection = true;
            } else if (inSection && line.startsWith("| `")) {
                inTable = true;
                names.add(line.substring(3, line.indexOf('`', 3)));
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return names;
    }

    /** Every .md file of the repository, not descending into build output, downloads or hidden folders. */
    static List<Path> markdownFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(ROOT) && (name.equals("target") || name.equals("node_modules") || name.startsWith("."))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.toString().endsWith(".md")) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    /** The anchors of a file's headings, as GitHub makes them: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path file) {
        try {
            Set<String> out = new LinkedHashSet<>();
            for (String line : withoutCodeBlocks(Files.readString(file)).split("\n")) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    out.add(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
