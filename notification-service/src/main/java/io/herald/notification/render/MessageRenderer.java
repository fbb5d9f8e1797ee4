package io.herald.notification.render;

/**
 * Renders one campaign's (or one transactional request's) subject and message for its
 * recipients: templates are compiled once, at construction, and each recipient costs one pass
 * over them. Channel rules:
 * <ul>
 *   <li>{@code email}: single-line subject, the full text, and an HTML part ({@link EmailLayout});</li>
 *   <li>{@code sms}: the text fitted to 160 characters ({@link TextLimits#fit});</li>
 *   <li>{@code push}: title = the subject fitted to 65 characters, body = the text fitted to 240;</li>
 *   <li>any other channel a deployment adds: single-line subject and the full text.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class MessageRenderer {

    private final Template subject;
    private final Template message;
    private final String campaignId;
    private final String campaignName;
    /** The HTML part when no placeholder depends on the recipient: built once, not per recipient. */
    private final String sharedHtml;

    public MessageRenderer(String subject, String message, String campaignId, String campaignName) {
        this.subject = Template.compile(subject);
        this.message = Template.compile(message);
        this.campaignId = campaignId;
        this.campaignName = campaignName;
        this.sharedHtml = this.subject.isConstant() && this.message.isConstant()
                ? EmailLayout.html(TextLimits.singleLine(this.subject.render(null)), this.message.render(null))
                : null;
    }

    /** The recipient's texts, rendered once and then shaped for each of their channels. */
    public Texts texts(Recipient recipient) {
        Placeholder.Values values = new Placeholder.Values(recipient, campaignId, campaignName);
        return new Texts(recipient, TextLimits.singleLine(subject.render(values)), message.render(values), sharedHtml);
    }

    /**
     * The rendered subject and message of one recipient.
     *
     * @param sharedHtml the e-mail HTML part when it is the same for every recipient, else null
     */
    public record Texts(Recipient recipient, String subject, String message, String sharedHtml) {

        /** The message on {@code channel}, addressed to the recipient's address there. */
        public RenderedMessage on(String channel) {
            String to = recipient.addressFor(channel);
            return switch (channel) {
                case "email" -> new RenderedMessage(to, subject, message,
                        sharedHtml != null ? sharedHtml : EmailLayout.html(subject, message));
                case "sms" -> new RenderedMessage(to, subject, TextLimits.fit(message, TextLimits.SMS_TEXT), null);
                case "push" -> new RenderedMessage(to, TextLimits.fit(subject, TextLimits.PUSH_TITLE),
                        TextLimits.fit(message, TextLimits.PUSH_BODY), null);
                default -> new RenderedMessage(to, subject, message, null);
            };
        }
    }
}
