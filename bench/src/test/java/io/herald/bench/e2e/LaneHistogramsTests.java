package io.herald.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaneHistogramsTests {

    private static String scrape(long smsFast, long smsSlow, long pushFast, long bulk) {
        return String.join("\n",
                "# HELP herald_consumer_wait_seconds time the oldest entry waited",
                "# TYPE herald_consumer_wait_seconds histogram",
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms:priority\",le=\"0.001\"} 0",
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms:priority\",le=\"0.01\"} " + smsFast,
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms:priority\",le=\"0.2\"} " + (smsFast + smsSlow),
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms:priority\",le=\"+Inf\"} " + (smsFast + smsSlow),
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:push:priority\",le=\"0.001\"} 0",
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:push:priority\",le=\"0.01\"} " + pushFast,
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:push:priority\",le=\"0.2\"} " + pushFast,
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:push:priority\",le=\"+Inf\"} " + pushFast,
                // bulk streams are not the priority lane
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms\",le=\"0.001\"} 0",
                "herald_consumer_wait_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms\",le=\"+Inf\"} " + bulk,
                "herald_consumer_batch_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms:priority\",le=\"0.01\"} " + smsFast,
                "herald_consumer_batch_seconds_bucket{group=\"channel-workers\",stream=\"notify:sms:priority\",le=\"+Inf\"} " + (smsFast + smsSlow),
                "herald_consumer_wait_seconds_count{group=\"channel-workers\",stream=\"notify:sms:priority\"} " + (smsFast + smsSlow),
                "");
    }

    @Test
    void percentilesComeFromTheBucketsFilledBetweenTwoScrapesOfThePriorityLanes() {
        LaneHistograms before = LaneHistograms.parse(scrape(50, 50, 0, 7));
        // since then: sms 90 fast + 10 slow, push 100 fast; the bulk stream's 1000 are left out
        LaneHistograms after = LaneHistograms.parse(scrape(140, 60, 100, 1007));

        var wait = after.since(before).get("waitInLane");
        assertThat(wait.count()).isEqualTo(200);
        assertThat(wait.p50()).isEqualTo(10);
        assertThat(wait.p95()).isEqualTo(10);
        assertThat(wait.p99()).isEqualTo(200);
        var batch = after.since(before).get("readToSettled");
        assertThat(batch.count()).isEqualTo(100);
        assertThat(batch.p50()).isEqualTo(10);
        assertThat(batch.p99()).isEqualTo(-2);
    }

    @Test
    void nothingRecordedHasNoPercentiles() {
        LaneHistograms empty = LaneHistograms.parse("");
        assertThat(empty.since(empty).get("waitInLane").p99()).isEqualTo(-1);
    }
}
