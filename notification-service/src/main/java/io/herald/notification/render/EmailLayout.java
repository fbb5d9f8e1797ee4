package io.herald.notification.render;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML body of an e-mail: the subject as a heading and the text as paragraphs (a blank line
 * starts a paragraph, a single line break stays a line break), every character of both HTML-escaped
 * — a template is plain text, and a recipient's name must never become markup.
 */
final class EmailLayout {

    private static final String HEAD = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width\"><title>";
    private static final String BODY = "</title></head><body style=\"margin:0;padding:0;background:#f5f5f5\">"
            + "<div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;"
            + "font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#222222\">"
            + "<h1 style=\"font-size:20px;margin:0 0 16px\">";
    private static final String TAIL = "</p></div></body></html>";

    private EmailLayout() {
    }

    static String html(String subject, String text) {
        String title = HtmlUtils.htmlEscape(subject, "UTF-8");
        String body = HtmlUtils.htmlEscape(text.replace("\r\n", "\n"), "UTF-8")
                .replace("\n\n", "</p><p>")
                .replace("\n", "<br>");
        return new StringBuilder(HEAD.length() + BODY.length() + TAIL.length() + 2 * title.length() + body.length() + 16)
                .append(HEAD).append(title).append(BODY).append(title).append("</h1><p>").append(body).append(TAIL)
                .toString();
    }
}
