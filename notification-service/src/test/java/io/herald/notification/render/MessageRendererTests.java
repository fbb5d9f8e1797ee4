package io.herald.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRendererTests {

    private final Recipient ada = new Recipient("42", "Ada Lovelace", "ada@example.org", "+4915112345678",
            "device-token-42", List.of("email", "sms", "push"));

    private MessageRenderer.Texts render(String subject, String message) {
        return new MessageRenderer(subject, message, "campaign-7", "Spring sale").texts(ada);
    }

    @Test
    void placeholdersAreFilledWithTheRecipientsAndTheCampaignsValues() {
        var texts = render("Hi {{name}}", "{{firstName}} / {{email}} / {{phone}} / {{userId}} / {{deviceToken}}"
                + " / {{campaignId}} / {{campaignName}}");

        assertThat(texts.subject()).isEqualTo("Hi Ada Lovelace");
        assertThat(texts.message()).isEqualTo("Ada / ada@example.org / +4915112345678 / 42 / device-token-42"
                + " / campaign-7 / Spring sale");
    }

    @Test
    void placeholderNamesIgnoreCaseAndSpacesInsideTheBraces() {
        assertThat(render("{{ NAME }}", "{{ firstname}}{{Email }}").subject()).isEqualTo("Ada Lovelace");
        assertThat(render("x", "{{ firstname}}{{Email }}").message()).isEqualTo("Adaada@example.org");
    }

    @Test
    void unknownPlaceholdersAndLoneBracesAreKeptVerbatim() {
        var texts = render("{{coupon}} for {{name}}", "{{ {{name}} }} and {{ and }} and {{name");

        assertThat(texts.subject()).isEqualTo("{{coupon}} for Ada Lovelace");
        assertThat(texts.message()).isEqualTo("{{ Ada Lovelace }} and {{ and }} and {{name");
    }

    @Test
    void aValueTheRecipientDoesNotHaveRendersEmpty() {
        Recipient bob = new Recipient("7", null, "bob@example.org", null, null, List.of("email"));

        var texts = new MessageRenderer("Hello {{name}}!", "Call {{phone}}.", "c", null).texts(bob);

        assertThat(texts.subject()).isEqualTo("Hello !");
        assertThat(texts.message()).isEqualTo("Call .");
    }

    @Test
    void theSubjectIsOneLineSoThatNoValueCanInjectMailHeaders() {
        Recipient mallory = new Recipient("9", "Mallory\r\nBcc: all@example.org", "m@example.org", null, null,
                List.of("email"));

        var texts = new MessageRenderer("Hi {{name}}", "text", "c", null).texts(mallory);

        assertThat(texts.subject()).isEqualTo("Hi Mallory Bcc: all@example.org").doesNotContain("\r", "\n");
    }

    @Test
    void anEmailHasTheFullTextAndAnHtmlPartWithEveryValueEscaped() {
        Recipient hacker = new Recipient("5", "<script>alert('x')</script> & Co", "h@example.org", null, null,
                List.of("email"));

        RenderedMessage mail = new MessageRenderer("Hi {{name}}", "Dear {{name}},\n\nline one\nline two", "c", null)
                .texts(hacker).on("email");

        assertThat(mail.to()).isEqualTo("h@example.org");
        assertThat(mail.subject()).isEqualTo("Hi <script>alert('x')</script> & Co");
        assertThat(mail.body()).isEqualTo("Dear <script>alert('x')</script> & Co,\n\nline one\nline two");
        assertThat(mail.html()).doesNotContain("<script>")
                .contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co,</p><p>line one<br>line two")
                .contains("<title>Hi &lt;script&gt;")
                .startsWith("<!DOCTYPE html>");
    }

    @Test
    void anSmsIsTheTextToThePhoneNumberWithoutHtml() {
        RenderedMessage sms = render("Subject", "Hi {{firstName}}").on("sms");

        assertThat(sms.to()).isEqualTo("+4915112345678");
        assertThat(sms.body()).isEqualTo("Hi Ada");
        assertThat(sms.html()).isNull();
    }

    @Test
    void aLongSmsIsCutTo160CharactersEndingInAnEllipsis() {
        RenderedMessage sms = render("s", "x".repeat(200)).on("sms");

        assertThat(sms.body()).hasSize(160).isEqualTo("x".repeat(159) + "…");
    }

    @Test
    void aPushHasATitleOfAtMost65AndABodyOfAtMost240CharactersToTheDeviceToken() {
        RenderedMessage push = render("T".repeat(100), "B".repeat(300)).on("push");

        assertThat(push.to()).isEqualTo("device-token-42");
        assertThat(push.subject()).isEqualTo("T".repeat(64) + "…");
        assertThat(push.body()).isEqualTo("B".repeat(239) + "…");
        assertThat(push.html()).isNull();
    }

    @Test
    void aChannelADeploymentAddsGetsTheFullTextsAddressedToTheUserId() {
        RenderedMessage webhook = render("Hi {{name}}", "y".repeat(500)).on("webhook");

        assertThat(webhook.to()).isEqualTo("42");
        assertThat(webhook.subject()).isEqualTo("Hi Ada Lovelace");
        assertThat(webhook.body()).hasSize(500);
    }

    @Test
    void aMessageWithoutPlaceholdersBuildsItsHtmlPartOnceForAllRecipients() {
        MessageRenderer renderer = new MessageRenderer("Sale", "Everything -50% <today>", "c", null);
        Recipient bob = new Recipient("7", "Bob", "bob@example.org", null, null, List.of("email"));

        RenderedMessage toAda = renderer.texts(ada).on("email");
        RenderedMessage toBob = renderer.texts(bob).on("email");

        assertThat(toBob.html()).isSameAs(toAda.html()).contains("Everything -50% &lt;today&gt;");
        assertThat(toBob.to()).isEqualTo("bob@example.org");
        assertThat(toAda.html()).isEqualTo(new MessageRenderer("Sale", "Everything -50% <today>{{name}}", "c", null)
                .texts(new Recipient("8", "", "x@example.org", null, null, List.of("email"))).on("email").html());
    }
}
