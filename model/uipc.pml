/*
 * uipc.pml: SPIN model of uipc's emulated user-interrupt protocol (ipc-core,
 * package io.uipc.core.emulated). docs/protocol.md maps every step to the Java it models;
 * model/check.sh runs every property and every mutant.
 *
 * One UPID slot (index 0) and two vectors: vector 0 lives in the PIR low word, vector 1 in the
 * PIR high word (in Java: any vector 0..31 and 32..63). Both PIR words carry the slot's
 * generation, as UpidDescriptor lays them out; the state word (the futex word) carries the
 * generation as its tag plus ON, SN and BLKD. Each shared-memory access of the Java code (a
 * volatile read, a volatile or plain write, a CAS, a getAndSet) is one atomic step; every
 * interleaving of those steps is explored. FUTEX_WAIT compares the word and queues the caller
 * in one atomic step, as the kernel does under its hash-bucket lock, and may return
 * spuriously (EINTR) up to SPURIOUS times; FUTEX_WAKE(1) wakes one queued caller, any of them,
 * FUTEX_WAKE(INT_MAX) wakes all.
 *
 * Scenarios:
 *   default   WAKE: receiver R (generation 1) awaits forever; senders S1, S2 post vectors
 *             (-DONE_SENDER: S1 only). -DCTL_MASK, -DCTL_SN, -DCTL_WAKEUP add a controller
 *             thread that masks/unmasks vector 0, suppresses/resumes (SN) or calls wakeup(),
 *             each optionally, concurrently with everything else.
 *   -DREUSE   REUSE: receiver R1 (generation 1) holds a shared-UITT entry for vector 0 and
 *             awaits; another thread or process closes it (invalidateTargeting, then release)
 *             at any moment, even while R1 sleeps; newcomer N claims the freed slot
 *             (generation 3), registers the entry again for vector 1 and awaits. Sender S1
 *             holds R1's handle (-DNO_S1: absent); sender S2 sends by index, S2_SENDS times.
 *             -DREG_RACE: R1 registers its entry during the run, racing its own close.
 *             -DREAPER: the close may die (SIGKILL) half-way while a reaper releases the
 *             same generation concurrently.
 *
 * Properties (assertions, the watchdog and the LTL formula):
 *   - no lost wake-up: when nothing can move any more, no receiver sleeps while an unmasked
 *     vector of its generation is pending with SN clear, or while wakeup() is pending
 *     (Watchdog); under weak fairness a deliverable vector is eventually taken, masked or
 *     suppressed (ltl no_lost_wakeup); a receiver never goes to sleep on a vector that was
 *     already deliverable when it announced BLKD, so a sender that stalls or dies between
 *     posting and notifying cannot strand it;
 *   - no delivery to a stale generation: a send resolved against generation g sets a PIR bit
 *     only in a word of generation g and sets ON only in a state word tagged g; a receiver
 *     takes only bits posted for its own generation; RECEIVER_GONE only once g was released;
 *     await reports "closed" only once its generation was released; a released receiver
 *     never stays asleep; a released slot ends free with its three generation fields in
 *     agreement; a UITT entry a sender resolves is one whole registration;
 *   - coalescing as UINTR defines it: a take of vector v follows at least one send of v since
 *     the previous take, so n sends before a take give one delivery; nothing posted is lost
 *     (Watchdog); ON is only ever set while clear, so a send finding ON set notifies no one.
 *
 * Mutants: -D<NAME> compiles one deliberately broken variant; model/check.sh expects each to
 * fail. BUG_ORIG_* put back ipc-core's code as it was before this model and the jcstress
 * tests found the bugs (docs/protocol.md).
 */

#define ON        1
#define SN        2
#define BLKD      4
#define TAG(s)    ((s) >> 3)
#define STATE(g)  ((g) << 3)
#define PGEN(w)   ((w) >> 1)
#define PBIT(w)   ((w) & 1)
#define PIR(g)    ((g) << 1)
#define CLAIMED(g) ((g) & 1)

/* UITT control word: entry generation, vector, state */
#define FREE      0
#define CLAIMING  1
#define VALID     2
#define CTL(eg, v, st) (((eg) << 3) | ((v) << 2) | (st))
#define CGEN(c)   ((c) >> 3)
#define CVEC(c)   (((c) >> 2) & 1)
#define CST(c)    ((c) & 3)

#define G1 1      /* generation of the first receiver */
#define GN 3      /* generation of the newcomer: release bumps 1 to 2 (free), claim 2 to 3 */

#ifndef SPURIOUS
#ifdef REUSE
#define SPURIOUS 0
#else
#define SPURIOUS 1
#endif
#endif

byte lo = PIR(G1);        /* PIR low word: generation, vector 0 */
byte hi = PIR(G1);        /* PIR high word: generation, vector 1 */
byte st = STATE(G1);      /* state word, the futex word: tag, BLKD, SN, ON */
byte maskw;               /* bit v set: vector v masked */
byte ctl;                 /* the UITT entry's control word (REUSE) */
byte tgt;                 /* its target word: the UPID generation (slot 0 is the only slot) */
bit  asleep[2];           /* receiver k queued in FUTEX_WAIT: 0 = R or R1, 1 = N */
byte spurious = SPURIOUS; /* spurious FUTEX_WAIT returns left */
bit  wreq;                /* EmulatedReceiver.wakeupRequested */
bit  h1ready, h1ok;       /* R1 has handed its UITT handle to S1 (or failed to register) */
byte h1;                  /* that handle's entry generation */

/* ghosts: bookkeeping for the properties, not part of the protocol */
byte org[2];              /* generation the pending bit of vector v was set for */
byte unseen[2];           /* sends of vector v not yet taken (reset when release drops it) */
byte released;            /* bit g set: the release of generation g has taken effect */
byte bp[2];               /* vectors deliverable when receiver k last announced BLKD */
byte reggen[4];           /* UPID generation registered under UITT entry generation eg */
byte regvec[4];           /* vector registered under UITT entry generation eg */

#define RELEASED(g) ((released >> (g)) & 1)
/* ghost bp (WAKE scenario only, to keep REUSE small): see futex_wait */
#ifdef REUSE
#define BP_SET(k, g)    skip
#define BP_CHECK(k, g)  skip
#define BP_RESET        skip
#else
#define BP_SET(k, g)    bp[k] = DMASK(g)
#define BP_CHECK(k, g)  assert(!asleep[k] || (bp[k] & DMASK(g)) == 0)
#define BP_RESET        bp[0] = 0
#endif
#define DMASK(g) (((PBIT(lo) && PGEN(lo) == (g) && !(maskw & 1) && !(st & SN)) -> 1 : 0) \
                | ((PBIT(hi) && PGEN(hi) == (g) && !(maskw & 2) && !(st & SN)) -> 2 : 0))
#define DELIV(g) ((((PBIT(lo) && PGEN(lo) == (g) && !(maskw & 1)) \
                  || (PBIT(hi) && PGEN(hi) == (g) && !(maskw & 2))) && TAG(st) == (g) && !(st & SN)))

#ifdef BUG_ORIG_RECEIVER
#define TAGOK(s, g) 1
#define GENOK(w, g) 1
#else
#define TAGOK(s, g) (TAG(s) == (g))
#define GENOK(w, g) (PGEN(w) == (g))
#endif

/* ---------------------------------------------------------------- futex */

/*
 * Futex.await: the kernel compares the word with exp and queues the caller atomically; the
 * caller then sleeps until a FUTEX_WAKE dequeues it, or returns spuriously (EINTR).
 */
inline futex_wait(K, G, exp) {
  atomic {
    if
#ifdef MUT_FUTEX_NO_VALUE_CHECK
    :: true -> asleep[K] = 1
#else
    :: st == (exp) -> asleep[K] = 1
    :: else -> skip
#endif
    fi;
    /* a sender that stalls or dies between posting and notifying cannot strand the receiver: */
    BP_CHECK(K, G)  /* never sleeps on a vector that was deliverable when it announced BLKD */
  };
end_asleep:
  if
  :: !asleep[K] -> skip
  :: spurious > 0 -> atomic { spurious--; asleep[K] = 0 }
  fi
}

/* Futex.wake(address, 1): dequeue one sleeper, any of them */
inline futex_wake_one() {
  atomic {
    if
    :: asleep[0] -> asleep[0] = 0
    :: asleep[1] -> asleep[1] = 0
    :: else -> skip
    fi;
    wk = 0
  }
}

/* Futex.wake(address, Integer.MAX_VALUE) */
inline futex_wake_all() {
  d_step { asleep[0] = 0; asleep[1] = 0; wk = 0 }
}

/*
 * Style: every atomic block below holds exactly ONE access to shared memory (the Java
 * code's volatile read, write, CAS or getAndSet) plus the purely local computation that
 * follows it, so every interleaving of the Java accesses is explored and no others.
 */

/* ---------------------------------------------------------------- receiver side */

inline read_pir(V, x) {
  if
  :: V == 0 -> x = lo
  :: else -> x = hi
  fi
}

/* UpidTable.takeBits for the word of vector V (skipped if masked: bit V of m) */
inline take_bits(V, G, t) {
  do
  :: atomic {
       if
       :: (m >> V) & 1 -> break
       :: else -> read_pir(V, w)
       fi;
       if
       :: !PBIT(w) || !GENOK(w, G) -> w = 0; break
       :: else -> skip
       fi
     };
     atomic {
       if
       :: (V == 0 && lo == w) || (V == 1 && hi == w) ->
          if :: V == 0 -> lo = w - 1 :: else -> hi = w - 1 fi;
          assert(org[V] == G);      /* a receiver takes only bits posted for its generation */
          assert(unseen[V] > 0);    /* a delivery follows >= 1 send since the last one */
          unseen[V] = 0;
          t = t | (1 << V);
          w = 0;
          break
       :: else -> skip
       fi
     }
  od
}

/* the ON-clearing loop of UpidTable.take; leaves in s the state it last saw */
inline take_clear_on(G) {
  do
  :: atomic {
       s = st;
       if :: TAGOK(s, G) && (s & ON) -> skip :: else -> break fi
     };
     atomic { if :: st == s -> st = s - ON; break :: else -> skip fi }
  od
}

/* UpidTable.take: clear ON (in our generation), return 0 if SN, take unmasked bits */
inline take(G, t) {
  t = 0;
#ifdef MUT_TAKE_BITS_FIRST
  atomic { s = st; if :: !TAGOK(s, G) || (s & SN) -> m = 3 :: else -> skip fi };
  atomic { if :: m != 3 -> m = maskw :: else -> skip fi };
  take_bits(0, G, t);
  take_bits(1, G, t);
  m = 0;
  take_clear_on(G)
#else
  take_clear_on(G);
  atomic { if :: !TAGOK(s, G) || (s & SN) -> m = 3 :: else -> m = maskw fi };
  take_bits(0, G, t);
  take_bits(1, G, t);
  m = 0
#endif
}

/* UpidTable.hasDeliverable: SN clear and an unmasked bit pending (of any generation) */
inline has_deliverable(d) {
  do
  :: atomic { h = st; d = 0; if :: (h & SN) -> h = 0; break :: else -> h = 0 fi };
     m = maskw;
     d = (PBIT(lo) && !(m & 1));
     atomic { d = d || (PBIT(hi) && !(m & 2)); m = 0; break }
  od
}

/* UpidTable.clearFlag / setFlag, only in the state word of generation G */
inline clear_flag(G, F) {
  do
  :: atomic { h = st; if :: !TAGOK(h, G) || !(h & F) -> h = 0; break :: else -> skip fi };
     atomic { if :: st == h -> st = h - F; h = 0; if :: F == SN -> BP_RESET :: else -> skip fi; break :: else -> skip fi }
  od
}

inline set_flag(G, F) {
  do
  :: atomic { h = st; if :: !TAGOK(h, G) || (h & F) -> h = 0; break :: else -> skip fi };
     atomic { if :: st == h -> st = h | F; h = 0; if :: F == SN -> BP_RESET :: else -> skip fi; break :: else -> skip fi }
  od
}

/* UpidTable.selfNotify: set ON if clear (generation G), wake the sleeper if BLKD was set */
inline self_notify(G) {
  do
  :: atomic { h = st; if :: !TAGOK(h, G) || (h & ON) -> h = 0; break :: else -> skip fi };
     atomic {
       if
       :: st == h -> st = h | ON; wk = (h & BLKD) >> 2; h = 0; break
       :: else -> skip
       fi
     }
  od;
  if :: wk -> futex_wake_one() :: else -> skip fi
}

/*
 * Receiver.await(Long.MAX_VALUE) in a loop, as a dispatcher runs it: the first take, then
 * EmulatedReceiver.block. (The spin and yield phases only call take and hasDeliverable.)
 * Jumps to the proctype's label "closed" when await reports the receiver closed.
 */
inline receive(G, K) {
  skip;
await_top: skip;
  take(G, t);
  if
  :: t != 0 -> t = 0; goto await_top
  :: else -> skip
  fi;
blk_top:
  if
  :: wreq -> wreq = 0; take(G, t); t = 0; goto await_top
  :: else -> skip
  fi;
  atomic {
    s = st;
#ifndef BUG_ORIG_RECEIVER
    if :: TAG(s) != G -> goto closed :: else -> skip fi;
#endif
    if :: (s & ON) -> goto on_path :: else -> skip fi
  };
#ifdef MUT_BLKD_BLIND_SET
  set_flag(G, BLKD);
#else
  atomic { if :: st == s -> st = s | BLKD; BP_SET(K, G) :: else -> goto blk_top fi };
#endif
#ifdef MUT_NO_BLKD_RECHECK
  d = 0;
#else
  has_deliverable(d);
#endif
  if
  :: d || wreq ->
     d = 0;
     clear_flag(G, BLKD);
#ifdef BUG_ORIG_BLOCK_RECHECK
     goto blk_top
#else
     take(G, t);
     if :: t != 0 -> t = 0; goto await_top :: else -> goto blk_top fi
#endif
  :: else -> skip
  fi;
  futex_wait(K, G, s | BLKD);
  s = 0;
  clear_flag(G, BLKD);
  take(G, t);
  if :: t != 0 -> t = 0; goto await_top :: else -> goto blk_top fi;
on_path: skip;
  take(G, t);
  if :: t != 0 -> t = 0; goto await_top :: else -> goto blk_top fi
}

/* ---------------------------------------------------------------- sender side */

/* UpidTable.post, step 2 of SENDUIPI: set the bit iff the word is of generation G */
inline post(G, V, res) {
  do
  :: atomic {
       read_pir(V, w);
       if
       :: PGEN(w) != G ->
#ifdef MUT_NO_GEN_CHECK
          skip
#else
          assert(RELEASED(G));      /* RECEIVER_GONE only once G was released */
          res = 0; w = 0; break
#endif
       :: else -> skip
       fi;
       if
       :: PBIT(w) ->                /* COALESCED: this read is the send */
          if :: PGEN(w) == G -> unseen[V]++ :: else -> skip fi;
          res = 1; w = 0; break
       :: else -> skip
       fi
     };
     atomic {
       if
       :: (V == 0 && lo == w) || (V == 1 && hi == w) ->
          if :: V == 0 -> lo = w + 1 :: else -> hi = w + 1 fi;
          assert(PGEN(w) == G);     /* a send resolved against G sets bits only in G's words */
          org[V] = G;
          unseen[V]++;
          res = 1; w = 0; break     /* POSTED */
       :: else -> skip
       fi
     }
  od
}

/* UpidTable.notify, step 3: set ON only if ON and SN are clear and the tag is G; wake if BLKD */
inline notify(G) {
  do
  :: atomic {
       if :: m -> m = 0; break :: else -> skip fi;   /* masked or gone: no notification */
       s = st;
       if
#ifdef MUT_NO_TAG_CHECK
       :: (s & (ON | SN)) -> s = 0; break
#elif defined(MUT_NOTIFY_IGNORES_ON)
       :: TAG(s) != G || (s & SN) -> s = 0; break
#else
       :: TAG(s) != G || (s & (ON | SN)) -> s = 0; break
#endif
       :: else -> skip
       fi
     };
     atomic {
       if
       :: st == s ->
          st = s | ON;
          assert(TAG(s) == G);      /* never notifies another generation */
          assert(!(s & ON));        /* ON set: no new notification */
          wk = (s & BLKD) >> 2; s = 0; break
       :: else -> skip
       fi
     }
  od;
  if :: wk -> futex_wake_one() :: else -> skip fi
}

/* UpidTable.post as a whole: post, read the mask, notify unless masked */
inline send_to(G, V) {
#ifdef MUT_SENDER_NOTIFY_FIRST
  m = 0;
  notify(G);
  post(G, V, res)
#else
  post(G, V, res);
  atomic { if :: res != 0 -> m = (maskw >> V) & 1 :: else -> m = 1 fi; res = 0 };
  notify(G)
#endif
}

/* UittTable.sendAt, step 1: control, target, control again; then post */
inline send_at(checkgen, hgen) {
  do
  :: atomic {
       c = ctl;
       if
       :: (checkgen && CGEN(c) != hgen) || CST(c) != VALID -> c = 0; break  /* STALE, INVALID */
       :: else -> skip
       fi
     };
     tg = tgt;
     atomic {
#ifdef MUT_NO_UITT_RECHECK
       skip;
#else
       if :: ctl != c -> c = 0; tg = 0; break :: else -> skip fi;  /* STALE_ENTRY */
#endif
       assert(reggen[CGEN(c)] == tg && regvec[CGEN(c)] == CVEC(c)); /* one whole registration */
       v = CVEC(c); c = 0
     };
     send_to(tg, v);
     v = 0; tg = 0;
     break
  od
}

/* ---------------------------------------------------------------- slot and entry lifecycle */

/* UpidTable.retag: CAS PIR word V from generation G to NG (no bits), while it is of G */
inline retag_pir(V, G, NG) {
  do
#ifdef MUT_RETAG_UNCONDITIONAL
  :: atomic { read_pir(V, w) };
#else
  :: atomic { read_pir(V, w); if :: PGEN(w) != G -> w = 0; break :: else -> skip fi };
#endif
     atomic {
       if
       :: (V == 0 && lo == w) || (V == 1 && hi == w) ->
          if :: V == 0 -> lo = PIR(NG) :: else -> hi = PIR(NG) fi;
          if :: PBIT(w) -> unseen[V] = 0 :: else -> skip fi;   /* pending bits dropped */
          w = 0; break
       :: else -> skip
       fi
     }
  od
}

/* a releaser may die (SIGKILL) at this point of the release: -DREAPER only */
#ifdef REAPER
#define MAY_DIE  if :: mortal -> goto dead :: true -> skip fi
#else
#define MAY_DIE  skip
#endif

/* UpidTable.release (generation G). Ghost "released" marks where the release takes effect. */
inline release(G) {
#ifdef BUG_ORIG_RELEASE
  do
  :: atomic { w = lo; if :: PGEN(w) != G -> w = 0; break :: else -> skip fi };
     atomic {
       if
       :: lo == w -> lo = PIR(G + 1); released = released | (1 << G);
                     if :: PBIT(w) -> unseen[0] = 0 :: else -> skip fi;
                     w = 0; ok = 1; break
       :: else -> skip
       fi
     }
  od;
  if
  :: ok ->
     MAY_DIE;
     do
     :: w = hi;
        atomic {
          if
          :: hi == w -> hi = PIR(G + 1); if :: PBIT(w) -> unseen[1] = 0 :: else -> skip fi; w = 0; break
          :: else -> skip
          fi
        }
     od;
     MAY_DIE;
     atomic { s = st; st = STATE(G + 1); wk = (s & BLKD) >> 2; s = 0 };
     if :: wk -> futex_wake_all() :: else -> skip fi
  :: else -> skip
  fi
#else
  atomic { w = lo; ok = (PGEN(w) == G); w = 0 };
  if
  :: ok ->
     do
     :: atomic {
          s = st;
          if
#ifdef MUT_RELEASE_NOT_RESUMABLE
          :: TAG(s) != G -> s = 0; ok = 0; break
#else
          :: TAG(s) != G -> s = 0; break        /* already retagged: resume a dead releaser */
#endif
          :: else -> skip
          fi
        };
        atomic {
          if
          :: st == s -> st = STATE(G + 1); released = released | (1 << G);
                        wk = (s & BLKD) >> 2; s = 0; break
          :: else -> skip
          fi
        }
     od;
     if :: wk -> futex_wake_all() :: else -> skip fi;
     MAY_DIE
  :: else -> skip
  fi;
  if
  :: ok ->
     retag_pir(1, G, G + 1);
     MAY_DIE;
     retag_pir(0, G, G + 1)
  :: else -> skip
  fi
#endif
}

/* UpidTable.claim on slot 0, by a claimer that comes along once it is free */
inline claim_slot(G) {
  do
  :: atomic { w = lo; ok = !CLAIMED(PGEN(w)) };
     atomic { if :: ok && lo == w -> lo = PIR(PGEN(w) + 1); break :: else -> skip fi }
  od;
  assert(PGEN(w) + 1 == G);
  atomic { if :: PBIT(hi) -> unseen[1] = 0 :: else -> skip fi; hi = PIR(G); w = 0 };
  maskw = 0;
  st = STATE(G)
}

/* UittTable.claim on the single entry: ok = 1 and eg = entry generation on success */
inline register(G, V, eg) {
  do
  :: atomic { c = ctl; if :: CST(c) != FREE -> c = 0; ok = 0; break :: else -> skip fi };
     atomic {
       if
       :: ctl == c ->
          ctl = CTL(CGEN(c), V, CLAIMING);
          reggen[CGEN(c)] = G; regvec[CGEN(c)] = V;
          eg = CGEN(c); c = 0
       :: else -> c = 0; ok = 0; break
       fi
     };
     tgt = G;
#ifdef MUT_CAS_PUBLISH
     atomic { if :: ctl == CTL(eg, V, CLAIMING) -> ctl = CTL(eg, V, VALID); ok = 1 :: else -> ok = 0 fi };
#else
     ctl = CTL(eg, V, VALID); ok = 1;           /* nobody else touches a CLAIMING entry */
#endif
     break
  od
}

/* UittTable.invalidateTargeting(0): free a valid entry whose target is slot 0 (always) */
inline invalidate_targeting() {
  do
#if defined(BUG_ORIG_UITT_INVALIDATE) || defined(MUT_CAS_PUBLISH)
  :: atomic { c = ctl; if :: CST(c) == FREE -> c = 0; break :: else -> skip fi };  /* CLAIMING too */
#else
  :: atomic { c = ctl; if :: CST(c) != VALID -> c = 0; break :: else -> skip fi };
#endif
     tg = tgt;
     atomic { if :: ctl == c -> ctl = CTL(CGEN(c) + 1, 0, FREE) :: else -> skip fi; c = 0; tg = 0 };
     break
  od
}

/* ---------------------------------------------------------------- processes */

active proctype Watchdog() {
  /* timeout: no process can move. Only receivers asleep for good may remain. */
  timeout ->
  atomic {
#ifdef REUSE
    assert(!asleep[0]);                        /* a released receiver never stays asleep */
    assert(PGEN(lo) != G1);                    /* the released slot was freed */
    assert(PGEN(hi) == PGEN(lo) && TAG(st) == PGEN(lo)); /* the slot's generations agree */
    assert(!(asleep[1] && DELIV(GN)));         /* no lost wake-up for the newcomer */
    assert(unseen[0] == 0 || (PBIT(lo) && org[0] == PGEN(lo))); /* nothing posted is lost */
    assert(unseen[1] == 0 || (PBIT(hi) && org[1] == PGEN(hi))); /* nothing posted is lost */
#else
    assert(!(asleep[0] && (DELIV(G1) || wreq)));   /* no lost wake-up */
    assert(unseen[0] == 0 || PBIT(lo));            /* nothing posted is lost */
    assert(unseen[1] == 0 || PBIT(hi))
#endif
  }
}

#ifndef REUSE

proctype Receiver() {
  byte s, h, w, m, t; bit ok, d, wk;
  receive(G1, 0);
closed:
  assert(false)                                 /* never closed in this scenario */
}

proctype Sender(byte v1; byte v2) {
  byte s, w, m, v; bit ok, res, wk;
  v = v1; send_to(G1, v);
  v = v2; send_to(G1, v)
}

/* UpidTable.setMasked: CAS loop on the mask word */
inline set_masked(V, MASKED) {
  do
  :: m = maskw;
     atomic {
       if
       :: maskw == m -> if :: MASKED -> maskw = m | (1 << V) :: else -> maskw = m & ~(1 << V) fi; m = 0; BP_RESET; break
       :: else -> skip
       fi
     }
  od
}

/* Another thread of the receiver's process: mask/unmask, suppress/resume, wakeup */
proctype Controller() {
  byte h, m; bit ok, d, wk;
#ifdef CTL_MASK
  if
  :: set_masked(0, 1);                          /* mask(0) */
     if
     :: set_masked(0, 0);                       /* unmask(0) */
#ifndef MUT_UNMASK_NO_NOTIFY
        has_deliverable(d);
        if :: d -> d = 0; self_notify(G1) :: else -> skip fi
#endif
     :: skip
     fi
  :: skip
  fi;
#endif
#ifdef CTL_SN
  if
  :: set_flag(G1, SN);                          /* suppress() */
     if
     :: clear_flag(G1, SN);                     /* resume() */
#ifndef MUT_RESUME_NO_NOTIFY
        has_deliverable(d);
        if :: d -> d = 0; self_notify(G1) :: else -> skip fi
#endif
     :: skip
     fi
  :: skip
  fi;
#endif
#ifdef CTL_WAKEUP
  if
  :: wreq = 1;                                  /* wakeup() */
     self_notify(G1)
  :: skip
  fi;
#endif
  skip
}

init {
  atomic {
    run Receiver();
    run Sender(0, 1);
#ifndef ONE_SENDER
    run Sender(0, 1);
#endif
#if defined(CTL_MASK) || defined(CTL_SN) || defined(CTL_WAKEUP)
    run Controller()
#endif
  }
}

ltl no_lost_wakeup { [] ((DELIV(G1) || wreq) -> <> !(DELIV(G1) || wreq)) }

#else /* REUSE */

proctype R1() {
  byte s, h, w, m, t, c, eg; bit ok, d, wk;
#ifdef REG_RACE
  register(G1, 0, eg);                          /* Receiver.registerVector(0), racing close */
  atomic { h1ok = ok; h1 = eg; h1ready = 1; ok = 0; eg = 0 };
#endif
  receive(G1, 0);
closed:
  assert(RELEASED(G1))                          /* await returns "closed" only after release */
}

/* Receiver.close() on another thread, or InterruptDomain.reclaimReceiver in another process */
proctype Closer(bit mortal) {
  byte s, w, c, tg; bit ok, wk;
  invalidate_targeting();
  MAY_DIE;
  release(G1);
dead:
  skip
}

proctype Newcomer() {
  byte s, h, w, m, t, c, eg; bit ok, d, wk;
  (!CLAIMED(PGEN(lo)));
  claim_slot(GN);                               /* InterruptDomain.registerReceiver */
  register(GN, 1, eg);                          /* Receiver.registerVector(1) */
  atomic { ok = 0; eg = 0 };
  receive(GN, 1);
closed:
  assert(RELEASED(GN))                          /* await returns "closed" only after release */
}

proctype S1() {                                 /* InterruptDomain.send(R1's handle) */
  byte s, w, m, c, tg, v; bit ok, res, wk;
  h1ready;
  if
  :: h1ok -> send_at(1, h1)
  :: else -> skip
  fi
}

#ifndef S2_SENDS
#ifdef REG_RACE
#define S2_SENDS 1
#else
#define S2_SENDS 2
#endif
#endif

#if S2_SENDS > 0
proctype S2() {                                 /* InterruptDomain.sendIndex(0), S2_SENDS times */
  byte s, w, m, c, tg, v, k; bit ok, res, wk;
  for (k : 1 .. S2_SENDS) {
    send_at(0, 0)
  }
}
#endif

init {
  atomic {
    run R1();
#ifdef REAPER
    run Closer(1);                              /* the owner's close, may die half-way */
    run Closer(0);                              /* a reaper's reclaimReceiver, concurrently */
#else
    run Closer(0);
#endif
    run Newcomer();
#ifdef REG_RACE
#ifndef NO_S1
    run S1();
#endif
    run S2()
#else
    /* R1 registered vector 0 before the run: entry generation 0, VALID, target R1 */
    ctl = CTL(0, 0, VALID); tgt = G1; reggen[0] = G1; regvec[0] = 0;
    h1ok = 1; h1ready = 1; h1 = 0;
#ifndef NO_S1
    run S1();
#endif
#if S2_SENDS > 0
    run S2()
#endif
#endif
  }
}

ltl no_lost_wakeup { [] (DELIV(GN) -> <> !DELIV(GN)) }

#endif
