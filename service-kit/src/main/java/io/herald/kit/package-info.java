package io.herald.kit;
