/**
 * Client sessions of the access gateway: every bridge connection has one (id + secret resume token);
 * its state (subscriptions, last delivered {@code seq} per stream address) is kept in a
 * {@link com.quotebus.access.session.SessionStore} shared by the access nodes (Hazelcast map
 * {@code quotebus.sessions}), so a client that loses its gateway resumes on another one, with the
 * missed ticks replayed from the calculator's tape ({@code svc.ticks}) and last values re-sent. The
 * plain-Java parts ({@link com.quotebus.access.session.SessionRecord}, the stores) are separate from
 * the per-connection logic ({@link com.quotebus.access.session.SessionManager}); contract:
 * {@code docs/sessions.md}.
 */
package com.quotebus.access.session;
