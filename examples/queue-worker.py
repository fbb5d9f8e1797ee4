#!/usr/bin/env python3
"""A Herald queue worker in plain Python 3 (standard library only).

Fetches messages from a queue of Herald's HTTP queue API, prints each one and acknowledges it.
If handling a message fails, the message is requeued so that it is delivered again at once;
if this worker dies mid-message, the visibility timeout brings it back to another worker.

    HERALD_API_KEY=... ./queue-worker.py --url http://localhost:8083 --queue sms-out
    ./queue-worker.py --queue sms-out --exit-when-empty     # drain the queue, then stop
"""
import argparse
import json
import os
import sys
import urllib.error
import urllib.request


def call(url, key, timeout=30):
    """One POST to the API; returns (status, parsed JSON body or None)."""
    request = urllib.request.Request(url, method="POST", data=b"",
                                     headers={"X-API-Key": key, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            return response.status, json.loads(body) if body else None
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, json.loads(body) if body else None


def handle(message):
    """The work itself: here, print the message. Raise to have it requeued."""
    print(f"message {message['id']} (delivery {message['deliveries']}): {json.dumps(message['body'], sort_keys=True)}",
          flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("HERALD_QUEUE_URL", "http://localhost:8083"))
    parser.add_argument("--key", default=os.environ.get("HERALD_API_KEY", ""), help="API key (default: $HERALD_API_KEY)")
    parser.add_argument("--queue", required=True)
    parser.add_argument("--max", type=int, default=10, help="messages per fetch, 1..100")
    parser.add_argument("--visibility-timeout", default="PT30S", help="ISO-8601, how long a message is ours")
    parser.add_argument("--wait", default="PT20S", help="ISO-8601 long-poll time per fetch")
    parser.add_argument("--exit-when-empty", action="store_true", help="stop after a fetch that returns nothing")
    args = parser.parse_args()

    queue = args.url.rstrip("/") + "/api/v1/queues/" + args.queue
    handled = 0
    while True:
        status, messages = call(f"{queue}/fetch?max={args.max}&visibilityTimeout={args.visibility_timeout}"
                                f"&wait={args.wait}", args.key, timeout=60)
        if status != 200:
            print(f"fetch failed: {status} {messages}", file=sys.stderr)
            return 1
        if not messages and args.exit_when_empty:
            print(f"queue {args.queue} is empty; handled {handled} message(s)", flush=True)
            return 0
        for message in messages:
            try:
                handle(message)
            except Exception as error:  # any failure of the work: let another attempt have it now
                print(f"message {message['id']} failed ({error}); requeueing", file=sys.stderr)
                call(f"{queue}/requeue/{message['receipt']}", args.key)
                continue
            status, problem = call(f"{queue}/acknowledge/{message['receipt']}", args.key)
            if status == 204:
                handled += 1
            elif status == 404:
                # our lease ran out before we finished: the message is (or will be) delivered again
                print(f"message {message['id']}: lease lost before acknowledgement ({problem['detail']})", file=sys.stderr)
            else:
                print(f"acknowledge failed: {status} {problem}", file=sys.stderr)
                return 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
