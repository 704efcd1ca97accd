package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.drillbook.markdown.html.HtmlSanitizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;

/** Raw HTML in notes: what an attacker (or a pasted web page) might try. */
class HtmlSanitizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"x\" ONERROR=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<iframe src=\"https://x.example\"></iframe>",
            "<svg onload=alert(1)><circle/></svg>",
            "<math><mtext><script>alert(1)</script></mtext></math>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<object data=\"x.swf\"></object>",
            "<form action=\"https://x.example\"><input name=q></form>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<a href=x onmouseover=alert(1)>x</a>",
            "<img src=x:alert(1)>",
            "<<script>script>alert(1)<</script>/script>"})
    void neverLetsScriptThrough(String attack) {
        String clean = HtmlSanitizer.sanitize(attack).toLowerCase(Locale.ROOT);
        assertFalse(clean.contains("<script"), clean);
        assertFalse(clean.matches("(?s).*\\son[a-z]+\\s*=.*"), clean);
        assertFalse(clean.contains("javascript:"), clean);
        assertFalse(clean.contains("vbscript:"), clean);
        assertFalse(clean.contains("<iframe") || clean.contains("<svg") || clean.contains("<object") || clean.contains("<form"), clean);
        assertFalse(clean.contains("data:text"), clean);
    }

    @Test
    void keepsHarmlessMarkup() {
        assertEquals("<span class=\"x\" style=\"color: red\">hi</span>",
                HtmlSanitizer.sanitize("<span class='x' style='color: red'>hi</span>"));
        assertEquals("<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>",
                HtmlSanitizer.sanitize("<a href=\"https://example.com\" target=\"_blank\">x</a>"));
        assertEquals("<img src=\"data:image/png;base64,AAAA\" alt=\"a\">",
                HtmlSanitizer.sanitize("<img src=\"data:image/png;base64,AAAA\" alt=\"a\">"));
    }

    @Test
    void escapesStrayAngleBracketsAndReQuotesAttributes() {
        assertEquals("a &lt; b &gt; c", HtmlSanitizer.sanitize("a < b > c"));
        assertEquals("<span title=\"&quot;&gt;&lt;x\">t</span>", HtmlSanitizer.sanitize("<span title='\"><x'>t</span>"));
    }
}
