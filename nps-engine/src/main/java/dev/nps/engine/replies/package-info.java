/**
 * The engine's side of replies that arrive outside a response link: SMS answers to the latest open invitation of
 * a number, comments that follow them, and opt-out/opt-in keywords. Channel modules never depend on the engine; a
 * host adapts these services to the channel's callback interfaces in a few lines (see nps-channels-sms README).
 */
package dev.nps.engine.replies;
