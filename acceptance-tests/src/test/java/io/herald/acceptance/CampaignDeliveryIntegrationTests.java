package io.herald.acceptance;

import static io.herald.acceptance.HeraldStack.Service.CAMPAIGN;
import static io.herald.acceptance.HeraldStack.Service.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.RealRedisExtension;
import io.herald.eventstore.Channels;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's end-to-end acceptance: three users with different subscriptions, two campaigns, each
 * notification delivered to exactly the right people on exactly their channels, mails over real
 * SMTP, campaigns COMPLETED with exact counters.
 */
@RealRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignDeliveryIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    static HeraldStack stack;
    static final Api api = new Api();
    static String ada;
    static String bob;
    static String cleo;
    static String firstFinanceCampaign;

    @BeforeAll
    static void startHeraldAndCreateThreeUsers() {
        stack = HeraldStack.start(RealRedisExtension.current().url(), smtp.getSmtp().getPort(), Map.of(),
                RealRedisExtension.current().isCluster() ? "delivery-cluster" : "delivery");
        ada = createUser(Map.of("name", "Ada Finance", "email", "ada@example.com",
                "categories", List.of("Finance"), "channels", List.of("email")));
        bob = createUser(Map.of("name", "Bob Both", "phone", "+4915112345678", "deviceToken", "device-token-bob",
                "categories", List.of("Finance", "Sports"), "channels", List.of("sms", "push")));
        cleo = createUser(Map.of("name", "Cleo Movies", "email", "cleo@example.com", "phone", "+4915187654321",
                "categories", List.of("Movies"), "channels", List.of("email", "sms")));
    }

    @AfterAll
    static void stopHerald() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void financeCampaignReachesAdaByEmailAndBobBySmsAndPushAndNobodyElse() throws Exception {
        String campaign = createCampaign("Finance", "Hi {{name}}", "Markets moved, {{name}}.");
        firstFinanceCampaign = campaign;
        JsonNode done = awaitCompleted(campaign);

        assertThat(counter(done, "email", "targeted")).isEqualTo(1);
        assertThat(counter(done, "email", "delivered")).isEqualTo(1);
        assertThat(counter(done, "sms", "targeted")).isEqualTo(1);
        assertThat(counter(done, "sms", "delivered")).isEqualTo(1);
        assertThat(counter(done, "push", "targeted")).isEqualTo(1);
        assertThat(counter(done, "push", "delivered")).isEqualTo(1);
        assertThat(done.path("completedAt").isMissingNode() || done.path("completedAt").isNull()).isFalse();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(mails[0].getSubject()).isEqualTo("Hi Ada Finance");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("Markets moved, Ada Finance.");

        assertThat(deliveredIds("email", campaign)).containsExactly(campaign + ":" + ada + ":email");
        assertThat(deliveredIds("sms", campaign)).containsExactly(campaign + ":" + bob + ":sms");
        assertThat(deliveredIds("push", campaign)).containsExactly(campaign + ":" + bob + ":push");
        String workerLog = Files.readString(stack.log(HeraldStack.Service.WORKERS));
        assertThat(workerLog).contains(campaign + ":" + bob + ":sms").contains(campaign + ":" + bob + ":push");
    }

    @Test
    @Order(2)
    void moviesCampaignReachesOnlyCleoOnBothHerChannels() throws Exception {
        int mailsBefore = smtp.getReceivedMessages().length;
        String campaign = createCampaign("Movies", "Tonight, {{name}}", "A new film for you, {{name}}.");
        JsonNode done = awaitCompleted(campaign);

        assertThat(counter(done, "email", "delivered")).isEqualTo(1);
        assertThat(counter(done, "sms", "delivered")).isEqualTo(1);
        assertThat(counter(done, "push", "targeted")).isZero();
        assertThat(deliveredIds("email", campaign)).containsExactly(campaign + ":" + cleo + ":email");
        assertThat(deliveredIds("sms", campaign)).containsExactly(campaign + ":" + cleo + ":sms");

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(mailsBefore + 1);
        MimeMessage mail = mails[mails.length - 1];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("cleo@example.com");
        assertThat(mail.getSubject()).isEqualTo("Tonight, Cleo Movies");
    }

    @Test
    @Order(3)
    void adaUnsubscribesWithTheOneClickLinkOfHerFinanceMailAndTheNextFinanceCampaignPassesHerBy() throws Exception {
        MimeMessage adasMail = smtp.getReceivedMessages()[0];
        assertThat(adasMail.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        String header = adasMail.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<http://127\\.0\\.0\\.1:\\d+/unsubscribe/[A-Za-z0-9_.-]+>");
        assertThat(adasMail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        URI link = URI.create(header.substring(1, header.length() - 1));
        assertThat(decodedText(adasMail)).contains("Unsubscribe from Finance: " + link);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">");
        assertThat(categoriesOf(ada)).containsExactly("Finance");

        // what a mailbox provider sends for a one-click unsubscribe (RFC 8058)
        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(link)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(categoriesOf(ada)).isEmpty();

        int mailsBefore = smtp.getReceivedMessages().length;
        String second = createCampaign("Finance", "Again, {{name}}", "Markets moved again, {{name}}.");
        JsonNode done = awaitCompleted(second);
        assertThat(counter(done, "email", "delivered")).isZero();
        assertThat(counter(done, "sms", "delivered")).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(mailsBefore);
        assertThat(deliveredIds("email", second)).isEmpty();

        JsonNode firstCampaign = api.call("GET", stack.url(CAMPAIGN, "/api/v1/campaigns/" + firstFinanceCampaign),
                null).json();
        for (String channel : List.of("email", "sms", "push")) {
            assertThat(counter(firstCampaign, channel, "delivered") + counter(firstCampaign, channel, "failed")
                    + counter(firstCampaign, channel, "deadLettered") + counter(firstCampaign, channel, "cancelled")
                    + counter(firstCampaign, channel, "skipped"))
                    .as(channel).isEqualTo(counter(firstCampaign, channel, "targeted")).isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void eachNotificationIsTraceableByCampaignAndByRecipient() {
        String path = "/api/v1/campaigns/" + firstFinanceCampaign + "/notifications";
        JsonNode all = api.call("GET", stack.url(CAMPAIGN, path), null).json();
        assertThat(all.path("items").valueStream().map(n -> n.path("notificationId").asString()).toList())
                .containsExactlyInAnyOrder(firstFinanceCampaign + ":" + ada + ":email",
                        firstFinanceCampaign + ":" + bob + ":sms", firstFinanceCampaign + ":" + bob + ":push");
        assertThat(all.path("items").valueStream().map(n -> n.path("status").asString()).distinct().toList())
                .containsExactly("DELIVERED");
        assertThat(all.path("nextCursor").isNull()).isTrue();

        JsonNode email = api.call("GET", stack.url(CAMPAIGN, path + "?channel=email&status=delivered"), null).json();
        assertThat(email.path("items")).hasSize(1);
        JsonNode adasMail = email.path("items").get(0);
        assertThat(adasMail.path("userId").asString()).isEqualTo(ada);
        assertThat(adasMail.path("attempts").asInt()).isEqualTo(1);
        assertThat(adasMail.path("settledAt").asString()).isNotBlank();
        assertThat(api.call("GET", stack.url(CAMPAIGN, path + "?status=failed"), null).json().path("items")).isEmpty();

        List<String> paged = new java.util.ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.call("GET", stack.url(CAMPAIGN, path + "?limit=1" + cursor), null).json();
            page.path("items").forEach(n -> paged.add(n.path("notificationId").asString()));
            cursor = page.path("nextCursor").isNull() ? null : "&cursor=" + page.path("nextCursor").asString();
        } while (cursor != null && paged.size() < 10);
        assertThat(paged).hasSize(3).doesNotHaveDuplicates();

        // Bob: sms and push of both Finance campaigns, newest first
        JsonNode bobs = api.call("GET", stack.url(USER, "/api/v1/users/" + bob + "/notifications"), null).json();
        List<JsonNode> items = bobs.path("items").valueStream().toList();
        assertThat(items).hasSize(4);
        assertThat(items).extracting(n -> java.time.Instant.parse(n.path("settledAt").asString()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(items.get(3).path("campaignId").asString()).isEqualTo(firstFinanceCampaign);
        assertThat(items).allMatch(n -> "DELIVERED".equals(n.path("status").asString()));
        JsonNode firstTwo = api.call("GET", stack.url(USER, "/api/v1/users/" + bob + "/notifications?limit=2"), null).json();
        assertThat(firstTwo.path("items")).hasSize(2);
        JsonNode lastTwo = api.call("GET", stack.url(USER, "/api/v1/users/" + bob + "/notifications?limit=2&cursor="
                + firstTwo.path("nextCursor").asString()), null).json();
        assertThat(lastTwo.path("items").get(1).path("notificationId").asString())
                .isEqualTo(items.get(3).path("notificationId").asString());
    }

    private static String decodedText(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(parts.getBodyPart(i).getContent()).append('\n');
            }
            return text.toString();
        }
        return content.toString();
    }

    private static List<String> categoriesOf(String user) {
        Api.Response response = api.call("GET", stack.url(USER, "/api/v1/users/" + user), null);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("categories").valueStream().map(JsonNode::asString).toList();
    }

    private static String createUser(Map<String, Object> user) {
        Api.Response response = api.call("POST", stack.url(USER, "/api/v1/users"), Api.json(user));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static String createCampaign(String category, String subject, String message) {
        Api.Response response = api.call("POST", stack.url(CAMPAIGN, "/api/v1/campaigns"), Api.json(Map.of(
                "name", category + " news", "category", category, "subject", subject, "message", message)));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("id").asString();
    }

    private static JsonNode awaitCompleted(String campaign) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Api.Response response = api.call("GET", stack.url(CAMPAIGN, "/api/v1/campaigns/" + campaign), null);
            assertThat(response.status()).isEqualTo(200);
            last[0] = response.json();
            assertThat(last[0].path("status").asString()).isEqualTo("COMPLETED");
        });
        return last[0];
    }

    private static long counter(JsonNode campaign, String channel, String name) {
        return campaign.path("progress").path(channel).path(name).asLong(0);
    }

    /** The delivered records of a campaign on every partition of a channel (1 standalone, 3 on a cluster). */
    private static List<String> deliveredIds(String channel, String campaign) {
        try (RedisConnections redis = RedisConnections.createFor(RealRedisExtension.current().url())) {
            Channels channels = Channels.of(List.of(channel), "auto", redis.isCluster());
            return channels.bulkStreams(channel).stream()
                    .flatMap(stream -> redis.commands().hkeys(StreamKeys.delivered(stream, campaign)).collectList()
                            .block(Duration.ofSeconds(10)).stream())
                    .toList();
        }
    }
}
