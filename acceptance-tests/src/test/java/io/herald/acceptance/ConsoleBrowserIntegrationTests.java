package io.herald.acceptance;

import static io.herald.acceptance.HeraldStack.Service.CAMPAIGN;
import static io.herald.acceptance.HeraldStack.Service.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.testsupport.FreePorts;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.RealRedisExtension;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17's console, driven in headless Chromium against the four services and a real Redis:
 * sign-in, a campaign created through the form and watched to COMPLETED, a validation error shown
 * next to its field, a dead letter replayed from the page and delivered, the streams page. Each
 * test leaves a screenshot in {@code target/screenshots/}.
 *
 * <p>The SMTP server is not listening when the stack starts, so that the first campaign's e-mail
 * is dead-lettered (two attempts); it is started before the replay, which then delivers it.
 */
@RealRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTests {

    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";

    static HeraldStack stack;
    static Browser browser;
    static GreenMail smtp;
    static int smtpPort;
    static final Api api = new Api();
    static String deadLetteredCampaign;

    @BeforeAll
    static void startHeraldWithoutMailServerAndDeadLetterOneEmail() {
        Browser.requireInstalled();
        smtpPort = FreePorts.next();
        stack = HeraldStack.start(RealRedisExtension.current().url(), smtpPort, Map.of(
                "HERALD_WORKERS_MAXATTEMPTS", "2", "HERALD_WORKERS_INITIALBACKOFF", "50ms",
                "HERALD_WORKERS_MAXBACKOFF", "200ms"), "console");
        createUser(Map.of("name", "Ada Finance", "email", "ada@example.com",
                "categories", List.of("Finance"), "channels", List.of("email")));
        createUser(Map.of("name", "Bob Both", "phone", "+4915112345678", "deviceToken", "device-token-bob",
                "categories", List.of("Finance", "Sports"), "channels", List.of("sms", "push")));
        createUser(Map.of("name", "Cleo Movies", "email", "cleo@example.com",
                "categories", List.of("Movies"), "channels", List.of("email")));
        Api.Response created = api.call("POST", stack.url(CAMPAIGN, "/api/v1/campaigns"), Api.json(Map.of(
                "name", "Mail server down", "category", "Finance", "subject", "Hi {{name}}",
                "message", "Sent while the mail server was down", "channels", List.of("email"))));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        deadLetteredCampaign = created.json().path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                campaign(deadLetteredCampaign).path("progress").path("email").path("deadLettered").asLong() == 1);
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        browser = Browser.open();
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aWrongKeyIsRefusedWithAClearMessageAndTheRightKeySignsIn() {
        browser.driver.get(stack.url(CAMPAIGN, "/").toString());
        browser.visible(By.id("api-key")).sendKeys("not-the-key");
        browser.driver.findElement(By.id("sign-in")).click();
        assertThat(browser.visible(By.cssSelector("#sign-in-error .note")).getText())
                .contains("refused").contains("not this deployment’s API key");
        browser.screenshot("01-sign-in-wrong-key");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("not-the-key");

        WebElement key = browser.driver.findElement(By.id("api-key"));
        key.clear();
        key.sendKeys(HeraldStack.API_KEY);
        browser.driver.findElement(By.id("sign-in")).click();
        browser.visible(By.id("campaigns"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/campaigns").doesNotContain(HeraldStack.API_KEY);
        browser.screenshot("02-campaigns-after-sign-in");
    }

    @Test
    @Order(2)
    void anEmptySubjectIsShownNextToTheSubjectFieldWithTheApisMessage() {
        browser.driver.findElement(By.id("nav-new")).click();
        fillForm("Empty subject", "", "Hello {{name}}");
        browser.driver.findElement(By.id("f-submit")).click();
        WebElement error = browser.visible(By.id("error-subject"));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.driver.findElement(By.id("f-subject")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("error-message")).getText()).isEmpty();
        browser.screenshot("03-validation-empty-subject");
    }

    @Test
    @Order(3)
    void aCampaignCreatedThroughTheFormReachesCompletedWithTheRightCountsAndItsNameShownAsText() {
        browser.driver.findElement(By.id("nav-campaigns")).click();
        browser.visible(By.id("campaigns"));
        browser.driver.findElement(By.id("nav-new")).click();
        fillForm(HOSTILE_NAME, "Hi {{name}}", "Markets moved, {{name}}.");
        browser.driver.findElement(By.id("f-submit")).click();

        browser.visible(By.cssSelector("#campaign-status [data-status=COMPLETED]"), 90);
        assertThat(counter("email", "targeted")).isEqualTo("1");
        assertThat(counter("email", "delivered")).isEqualTo("1");
        assertThat(counter("sms", "delivered")).isEqualTo("1");
        assertThat(counter("push", "delivered")).isEqualTo("1");
        assertThat(counter("email", "deadLettered")).isEqualTo("0");
        assertThat(browser.driver.findElement(By.id("campaign-name")).getText()).isEqualTo(HOSTILE_NAME);
        assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#timeline li[data-event=campaign_campaign_completed]")))
                .hasSize(1);
        browser.screenshot("04-campaign-completed");

        browser.driver.findElement(By.id("nav-campaigns")).click();
        WebElement row = browser.visible(By.cssSelector("#campaigns tbody tr[data-status=COMPLETED] a.name"));
        assertThat(browser.driver.findElements(By.cssSelector("#campaigns a.name")).stream().map(WebElement::getText))
                .contains(HOSTILE_NAME);
        assertThat(row.isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
        browser.screenshot("05-campaign-list");
    }

    @Test
    @Order(4)
    void aDeadLetterIsReplayedFromThePageAfterConfirmationAndDelivered() {
        browser.driver.get(stack.url(CAMPAIGN, "/#/dead-letters?channel=email").toString());
        WebElement row = browser.visible(By.cssSelector("#dead-letters tbody tr[data-campaign='" + deadLetteredCampaign + "']"));
        assertThat(row.getText()).contains("ada@example.com");
        browser.screenshot("06-dead-letters");
        row.findElement(By.cssSelector("button.replay")).click();
        browser.visible(By.id("confirm-yes")).click();
        assertThat(browser.visible(By.cssSelector(".note.info")).getText()).contains("Replayed 1");

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                campaign(deadLetteredCampaign).path("progress").path("email").path("delivered").asLong() == 1);
        assertThat(smtp.getReceivedMessages()).hasSize(2); // the replayed one and the form's campaign
        browser.driver.get(stack.url(CAMPAIGN, "/#/campaigns/" + deadLetteredCampaign).toString());
        browser.driver.navigate().refresh();
        browser.visible(By.id("counters"));
        assertThat(counter("email", "delivered")).isEqualTo("1");
        assertThat(counter("email", "deadLettered")).isEqualTo("0");
        browser.screenshot("07-replayed-campaign");
    }

    @Test
    @Order(5)
    void theStreamsPageShowsNotifyEmailWithTheWorkersGroup() {
        browser.driver.findElement(By.id("nav-streams")).click();
        WebElement row = browser.visible(By.cssSelector("#streams tr[data-stream='notify:email']"));
        assertThat(row.findElements(By.cssSelector(".group[data-group=channel-workers]"))).hasSize(1);
        browser.screenshot("08-streams");
        row.findElement(By.tagName("a")).click();
        browser.visible(By.cssSelector(".group-box[data-group=channel-workers]"));
        assertThat(browser.driver.findElement(By.id("entries")).getText()).contains("notification_message_queued");
        browser.screenshot("09-stream-notify-email");
    }

    @Test
    @Order(6)
    void aUserIsFoundByEmailAddress() {
        browser.driver.findElement(By.id("nav-users")).click();
        browser.visible(By.id("user-query")).sendKeys("ADA@example.com");
        browser.driver.findElement(By.id("user-find")).click();
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.driver.navigate().refresh();
            assertThat(browser.visible(By.id("user")).getText()).contains("Ada Finance").contains("Finance");
        });
        browser.screenshot("10-user-lookup");
    }

    private static void fillForm(String name, String subject, String message) {
        browser.visible(By.id("f-name")).sendKeys(name);
        Select category = new Select(browser.driver.findElement(By.id("f-category")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> category.getOptions().size() > 1);
        category.selectByValue("Finance");
        browser.driver.findElement(By.id("f-subject")).sendKeys(subject);
        browser.driver.findElement(By.id("f-message")).sendKeys(message);
    }

    private static String counter(String channel, String name) {
        return browser.driver.findElement(By.cssSelector(
                "#counters td[data-channel='" + channel + "'][data-counter='" + name + "']")).getText();
    }

    private static JsonNode campaign(String id) {
        return api.call("GET", stack.url(CAMPAIGN, "/api/v1/campaigns/" + id), null).json();
    }

    private static void createUser(Map<String, Object> user) {
        Api.Response response = api.call("POST", stack.url(USER, "/api/v1/users"), Api.json(user));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
