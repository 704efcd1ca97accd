package dev.drillbook.search;

import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * Lower-cases tokens exactly as {@link LowerCaseFilter} does, with a fast path for ASCII letters.
 * <p>
 * LowerCaseFilter reads every character as a code point ({@code Character.codePointAt}, then
 * {@code Character.toLowerCase}); under the quick JIT those calls are not inlined, and on the 10,000-note benchmark
 * vault they were ~16 % of building the search index. ASCII is lower-cased in place here; at the first character
 * beyond ASCII the rest of the token goes through Lucene's own code-point lower-casing.
 */
final class AsciiFirstLowerCaseFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    AsciiFirstLowerCaseFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c >= 0x80) {
                // everything before is ASCII, so i starts a code point
                CharacterUtils.toLowerCase(buffer, i, length);
                return true;
            }
            if (c >= 'A' && c <= 'Z') {
                buffer[i] = (char) (c + ('a' - 'A'));
            }
        }
        return true;
    }
}
