package io.herald.channel.email;

import org.springframework.web.util.HtmlUtils;

/** The visible unsubscribe line of a campaign mail, in the text and in the HTML body. */
final class UnsubscribeFooter {

    private UnsubscribeFooter() {
    }

    static String text(String body, String category, String url) {
        return body + "\n\n-- \nUnsubscribe from " + category + ": " + url + "\n";
    }

    /** The footer before {@code </body>} when there is one, else at the end. */
    static String html(String body, String category, String url) {
        String footer = "<p style=\"font-size:12px;color:#666\"><a href=\"" + HtmlUtils.htmlEscape(url)
                + "\">Unsubscribe from " + HtmlUtils.htmlEscape(category) + "</a></p>";
        int end = body.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? body + footer : body.substring(0, end) + footer + body.substring(end);
    }
}
