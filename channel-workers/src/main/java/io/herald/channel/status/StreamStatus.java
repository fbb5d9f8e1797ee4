package io.herald.channel.status;

/**
 * One channel stream as seen by the workers' group.
 *
 * @param stream the stream key
 * @param length entries in the stream ({@code XLEN}; acknowledged entries stay until trimmed)
 * @param lag entries not yet read by the group ({@code XINFO GROUPS} lag; the length when the
 *     group does not exist yet; {@code null} when Redis cannot tell)
 * @param pending entries read but not yet acknowledged
 * @param consumers consumers in the group
 * @param delivered notifications recorded delivered on this stream, all campaigns, all time
 * @param failed recorded failed for good
 * @param deadLettered recorded dead-lettered (minus those replayed)
 * @param cancelled recorded cancelled
 * @param skipped recorded skipped (the recipient was gone or had opted out when it was due)
 */
record StreamStatus(String stream, long length, Long lag, long pending, long consumers, long delivered,
                    long failed, long deadLettered, long cancelled, long skipped) {
}
