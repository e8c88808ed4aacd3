/*
 * uipc.pml: SPIN model of uipc's emulated user-interrupt protocol, version 2 (ipc-core,
 * package io.uipc.core.emulated). docs/protocol.md maps every step to the Java it models;
 * model/check.sh runs every property and every mutant.
 *
 * One UPID slot (index 0) and two vectors. By default vector 0 lives in the PIR low word and
 * vector 1 in the PIR high word (in Java: any vector 0..31 and 32..63); with -DSAMEWORD both
 * live in PIR low (two vectors 0..31), so a take can meet two bits in one word. Each PIR word
 * carries ON and the slot's generation next to its vector bits; the state word (the futex word)
 * carries BLKD and the generation only. SN ("suppressed") and the vector mask are the receiver's
 * own variables (EmulatedReceiver fields), written by any of its threads; senders never read
 * them. Each shared-memory access of the Java code (a volatile read, a volatile or ordered
 * write, a CAS or compareAndExchange) is one atomic step; every interleaving of those steps is
 * explored. FUTEX_WAIT compares the word and queues the caller in one atomic step, as the kernel
 * does under its hash-bucket lock, and may return spuriously (EINTR) up to SPURIOUS times;
 * FUTEX_WAKE(1) wakes one queued caller, any of them, FUTEX_WAKE(INT_MAX) wakes all.
 *
 * Scenarios:
 *   default   WAKE: receiver R (generation 1) awaits forever; senders S1, S2 post vectors
 *             (-DONE_SENDER: S1 only). -DCTL_MASK, -DCTL_SN, -DCTL_WAKEUP add a controller
 *             thread that masks/unmasks vector 0, suppresses/resumes or calls wakeup(), each
 *             optionally, concurrently with everything else.
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
 *     vector of its generation is pending and it is not suppressed, or while wakeup() is
 *     pending (Watchdog), so none after resume() either; under weak fairness a deliverable
 *     vector is eventually taken, masked or suppressed (ltl no_lost_wakeup); a receiver never
 *     goes to sleep on a vector that was already deliverable when it announced BLKD, so a
 *     sender that stalls or dies between its post and its wake cannot strand it;
 *   - ON is a promise, as in UINTR: a send that finds ON set (and so wakes no one) is taken by
 *     the very CAS that clears that ON, unless its vector is masked;
 *   - suppression: nothing posted after suppress() returned is taken before resume(); a
 *     suppressed receiver sleeps with ON held in both PIR words; a send that posts while the
 *     receiver is suppressed never wakes it, unless a take that was already running when
 *     suppress() began cleared the ON that suppress() holds (the one spurious wake-up a racing
 *     take can cause; docs/protocol.md);
 *   - no delivery to a stale generation: a send resolved against generation g sets a PIR bit
 *     only in a word of generation g and clears BLKD only in a state word of generation g; a
 *     receiver takes only bits posted for its own generation; RECEIVER_GONE only once g was
 *     released; await reports "closed" only once its generation was released; a released
 *     receiver never stays asleep; a released slot ends free with its three generation fields
 *     in agreement; a UITT entry a sender resolves is one whole registration;
 *   - coalescing as UINTR defines it: a take of vector v follows at least one send of v since
 *     the previous take, so n sends before a take give one delivery; nothing posted is lost
 *     (Watchdog);
 *   - exact statistics (tagged counters): when nothing moves, the coalesced counter carries the
 *     slot's current generation and counts exactly that generation's coalesced sends (a stale
 *     sender's increment never lands in a newcomer's statistics), and delivered + pending bits
 *     = fresh posts of the generation (postedCount) whenever delivered carries that generation.
 *
 * Mutants: -D<NAME> compiles one deliberately broken variant; model/check.sh expects each to
 * fail. BUG_ORIG_* put back ipc-core's code as it was before this model and the jcstress
 * tests found the bugs (docs/protocol.md). Retired with protocol v1 (the steps they broke are
 * gone): MUT_TAKE_BITS_FIRST (v1's take cleared ON in the state word, then took the PIR: v2
 * clears ON and takes in one CAS, MUT_TAKE_TWO_STEPS); BUG_ORIG_BLOCK_RECHECK (v1's block
 * retried on a pending vector but its loop looked only at the state word's ON, so it never
 * took: v2's loop looks at the PIR words themselves, so "clear BLKD, loop" is the design);
 * MUT_BLKD_BLIND_SET (never in check.sh: the kernel's value check covers it).
 *
 * Open point of PROTOCOL-V2.md (suppress racing take), settled here: the take reads suppressed
 * between its read of a PIR word and its CAS, and again after a CAS that cleared ON (setting ON
 * back if suppressed). MUT_TAKE_SN_ONCE is the take as first written (suppressed read once,
 * before the take): it takes a vector posted after suppress() returned; MUT_TAKE_NO_ON_RESTORE
 * drops the re-read after the CAS: the suppressed receiver sleeps with ON clear, and the next
 * send wakes it. MUT_RELEASE_WAKE_IF_BLKD is v2's first release (wake only if the replaced
 * state had BLKD): a closed receiver's await sleeps forever. -DSTRICT_DELIVERED asks that the
 * delivered counter always carry the current generation: it fails, as PROTOCOL-V2.md accepts
 * (a stale receiver's last publication hides the newcomer's count until its next take).
 */

/* PIR word: [generation << 3 | ON 4 | vector bits 2, 1]; state word: [generation << 1 | BLKD] */
#define ON        4
#define BLKD      1
#define PGEN(w)   ((w) >> 3)
#define PON(w)    (((w) >> 2) & 1)
#define PIRW(g)   ((g) << 3)
#define TAG(s)    ((s) >> 1)
#define STATE(g)  ((g) << 1)
#define CLAIMED(g) ((g) & 1)

#ifdef SAMEWORD
#define WD(v)     0                       /* the PIR word of vector v */
#define VB(v)     (1 << (v))              /* its bit in that word */
#define UNM(k, m) (((k) == 0) -> ((~(m)) & 3) : 0)   /* unmasked bits of word k, mask m */
#define W1        lo                      /* the word of vector 1 (LTL has no "c -> a : b") */
#else
#define W1        hi
#define WD(v)     (v)
#define VB(v)     1
#define UNM(k, m) (((~(m)) >> (k)) & 1)
#endif
#define WORD(k)   (((k) == 0) -> lo : hi)
#define PEND(v)   ((WORD(WD(v)) & VB(v)) != 0)
#define PEND0(g)  ((lo & 1) && PGEN(lo) == (g))          /* vector 0 pending in generation g */
#define PEND1(g)  ((W1 & VB(1)) && PGEN(W1) == (g))      /* vector 1 pending in generation g */

/* post's results */
#define POSTED    1
#define COALESCED 2
#define GONE      3

/* tagged counter: [generation << 3 | count] */
#define CTR(g, n) (((g) << 3) | (n))
#define CTAG(c)   ((c) >> 3)
#define CCNT(c)   ((c) & 7)

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

byte lo = PIRW(G1);       /* PIR low word: generation, ON, vector 0 (and 1 with SAMEWORD) */
byte hi = PIRW(G1);       /* PIR high word: generation, ON, vector 1 */
byte st = STATE(G1);      /* state word, the futex word: generation, BLKD */
byte coal = CTR(G1, 0);   /* coalesced counter (line 1), tagged */
byte dlv = CTR(G1, 0);    /* delivered counter, tagged, written by the receiver only */
bit  sn;                  /* EmulatedReceiver.suppressed (receiver-local) */
byte maskw;               /* EmulatedReceiver's mask (receiver-local): bit v = vector v masked */
bit  wreq;                /* EmulatedReceiver.wakeupRequested */
byte ctl;                 /* the UITT entry's control word (REUSE) */
byte tgt;                 /* its target word: the UPID generation (slot 0 is the only slot) */
bit  asleep[2];           /* receiver k queued in FUTEX_WAIT: 0 = R or R1, 1 = N */
byte spurious = SPURIOUS; /* spurious FUTEX_WAIT returns left */
bit  h1ready, h1ok;       /* R1 has handed its UITT handle to S1 (or failed to register) */
byte h1;                  /* that handle's entry generation */

/* ghosts: bookkeeping for the properties, not part of the protocol */
byte org[2];              /* generation the pending bit of vector v was set for */
byte unseen[2];           /* sends of vector v not yet taken (reset when release drops it) */
bit  relied[2];           /* a send of vector v found ON set: the CAS clearing ON must take v */
byte released;            /* bit g set: the release of generation g has taken effect */
byte bp[2];               /* vectors deliverable when receiver k last announced BLKD */
byte reggen[4];           /* UPID generation registered under UITT entry generation eg */
byte regvec[4];           /* vector registered under UITT entry generation eg */
byte nposted[5];          /* fresh posts (a bit newly set) per generation */
byte ncoal[5];            /* coalesced sends per generation */
bit  supd;                /* suppress() has returned and resume() has not begun */
byte late;                /* bit v: vector v was freshly posted while supd */
bit  broken;              /* a take's CAS cleared ON while supd (the hold was broken) */

#define RELEASED(g) ((released >> (g)) & 1)
/* deliverable vectors of generation g (a bitmask over vectors) */
#define DMASK(g) (((PEND0(g) && !(maskw & 1) && !sn) -> 1 : 0) \
                | ((PEND1(g) && !(maskw & 2) && !sn) -> 2 : 0))
#define DELIV(g) (TAG(st) == (g) && !sn && ((PEND0(g) && !(maskw & 1)) || (PEND1(g) && !(maskw & 2))))

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

#ifdef BUG_ORIG_RECEIVER
#define TAGOK(s, g) 1
#define GENOK(w, g) 1
#else
#define TAGOK(s, g) (TAG(s) == (g))
#define GENOK(w, g) (PGEN(w) == (g))
#endif

/* write PIR word k */
#define SETW(k, val) if :: (k) == 0 -> lo = (val) :: else -> hi = (val) fi

/* local variables of every process that runs protocol code */
#define LOCALS byte s, w, x, m, um, t, n, c, tg, v, eg, dcnt, res; bit ok, d, wk, newly, onsup, clr

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
    /* a sender that stalls or dies between posting and waking cannot strand the receiver: */
    BP_CHECK(K, G); /* never sleeps on a vector that was deliverable when it announced BLKD */
    assert(!asleep[K] || !supd || (PON(lo) && PON(hi)))  /* a suppressed receiver sleeps with ON held */
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
 * code's volatile read, write or CAS) plus the purely local computation and the ghost
 * bookkeeping that follow it, so every interleaving of the Java accesses is explored and no
 * others. A CAS loop that reads a word, checks it and CASes it, re-checking every witness (or
 * re-read) after a failed CAS, is ONE atomic step: its failed attempts change nothing and
 * nobody sees its local state, so the loop acts exactly as a single read-check-write at the
 * instant of its last attempt. A loop with another shared access between its read and its CAS
 * (take's read of suppressed) is modelled step by step.
 */

/* UpidTable: set ON in PIR word K if clear, while it has generation G (suppress, selfNotify) */
inline set_on(K, G) {
  atomic { x = WORD(K); if :: GENOK(x, G) && !PON(x) -> SETW(K, x | ON) :: else -> skip fi; x = 0 }
}

/*
 * Read the state and, while it has generation G and BLKD is set, CAS BLKD off. WHO: the
 * receiver itself (no wake), a sender (post) or selfNotify, which then FUTEX_WAKE(1) if they
 * cleared BLKD.
 */
#define BY_RECEIVER 0
#define BY_SENDER   1
#define BY_NOTIFIER 2
#ifdef MUT_NO_TAG_CHECK
#define BLKD_TAGOK(s, G, WHO) (WHO == BY_SENDER || TAGOK(s, G))
#else
#define BLKD_TAGOK(s, G, WHO) TAGOK(s, G)
#endif
inline clear_blkd(G, WHO) {
  atomic {
    s = st;
    if
    :: BLKD_TAGOK(s, G, WHO) && (s & BLKD) ->
       st = s - BLKD;
       if
       :: WHO == BY_SENDER ->
          assert(TAG(s) == G);              /* a send clears BLKD only in its generation's state */
          assert(!(onsup && supd) || broken); /* a send posted while suppressed never wakes it */
          wk = 1
       :: WHO == BY_NOTIFIER -> wk = 1
       :: else -> skip
       fi
    :: else -> skip
    fi;
    s = 0
  };
  if :: wk -> futex_wake_one() :: else -> skip fi
}

/* ---------------------------------------------------------------- receiver side */

/*
 * Reads of the receiver-local suppressed flag (m = 255 if set) and mask. Without a controller
 * thread they are constants, and reading them is no step.
 */
#ifdef CTL_SN
#define SN_READ   atomic { if :: sn -> m = 255 :: else -> m = 0 fi }
#else
#define SN_READ   skip
#endif
#ifdef CTL_MASK
#define MASK_READ m = maskw
#else
#define MASK_READ skip
#endif


/* ghost: vector V of word K, seen as x by a CAS that took the bits tk of it */
inline took(V, K, G, tk) {
  if
  :: WD(V) == K && (tk & VB(V)) ->
     assert(org[V] == G);            /* a receiver takes only bits posted for its generation */
     assert(unseen[V] > 0);          /* a delivery follows >= 1 send since the last one */
     assert(!((late >> V) & 1));     /* nothing posted after suppress() is taken before resume() */
     unseen[V] = 0; relied[V] = 0;
     t = t | (1 << V); n++
  :: else -> skip
  fi
}

/* ghost: this CAS cleared ON in word K having taken tk, the unmasked bits being um */
inline on_cleared(V, K, tk) {
  if
  :: WD(V) == K && relied[V] && !(tk & VB(V)) ->
     if
     :: !(um & VB(V)) -> relied[V] = 0   /* masked: unmask's selfNotify takes over */
     :: else -> assert(false)            /* a send that found ON set is taken by the CAS that clears that ON */
     fi
  :: else -> skip
  fi
}

/*
 * UpidTable.take, one PIR word K: read it; if it has generation G and ON or an unmasked bit,
 * ONE CAS clears ON and takes the unmasked bits (retry on failure). Between the read and the
 * CAS the receiver reads suppressed and stops if set; after a CAS that cleared ON it reads
 * suppressed again and, if set, puts ON back (suppress holds ON).
 */
inline take_word(K, G) {
  um = UNM(K, m);
  do
  :: atomic {
       x = WORD(K);
       if
       :: !GENOK(x, G) || (!PON(x) && !(x & um)) -> x = 0; break
       :: else -> skip
       fi;
#if defined(CTL_SN) && !defined(MUT_TAKE_SN_ONCE)
     };
     atomic { if :: sn -> x = 0; break :: else -> skip fi };   /* suppressed: stop */
     atomic {
#endif
       if
#ifdef MUT_TAKE_TWO_STEPS
       :: WORD(K) == x && PON(x) ->          /* step 1: clear ON only; the bits in a next CAS */
          SETW(K, x - ON);
          on_cleared(0, K, 0); on_cleared(1, K, 0);
          if :: sn -> broken = 1 :: else -> skip fi;
          clr = 1; x = 0
       :: WORD(K) == x && !PON(x) ->
#else
       :: WORD(K) == x ->
#endif
          SETW(K, x - (x & (ON | um)));
          took(0, K, G, x & um); took(1, K, G, x & um);
          if
          :: PON(x) ->
             on_cleared(0, K, x & um); on_cleared(1, K, x & um);
             if :: sn -> broken = 1 :: else -> skip fi;
             clr = 1
          :: else -> skip
          fi;
          x = 0; break
       :: else -> skip
       fi
     }
  od;
#if defined(CTL_SN) && !defined(MUT_TAKE_NO_ON_RESTORE)
  if
  :: clr -> atomic { clr = sn };
     if :: clr -> set_on(K, G) :: else -> skip fi
  :: else -> skip
  fi;
#endif
  clr = 0; um = 0
}

/*
 * UpidTable.take as EmulatedReceiver calls it (poll, await): nothing while suppressed; else
 * read the mask, take from PIR low and PIR high, publish delivered if anything was taken.
 */
inline take(G) {
  t = 0;
  SN_READ;
  if
  :: m == 255 -> m = 0
  :: else ->
     MASK_READ;
     take_word(0, G);
     take_word(1, G);
     m = 0;
     if
     :: n > 0 -> atomic { dcnt = dcnt + n; n = 0; dlv = CTR(G, dcnt) }   /* putLongOrdered */
     :: else -> skip
     fi
  fi
}

/* the receiver's look: !suppressed and (ON in either PIR word or an unmasked bit pending) */
inline look(d) {
  d = 0;
  SN_READ;
  if
  :: m == 255 -> m = 0
  :: else ->
     MASK_READ;
     atomic { d = PON(lo) || (lo & UNM(0, m)) };
     atomic { d = d || PON(hi) || (hi & UNM(1, m)); m = 0 }
  fi
}

/* UpidTable.selfNotify: set ON in PIR low if clear; then, always, wake the sleeper if BLKD */
inline self_notify(G) {
#ifdef MUT_SELFNOTIFY_ON_ONLY
  atomic { ok = !PON(lo) };                 /* ON already set: return (the mutant) */
  if
  :: ok -> ok = 0; set_on(0, G); clear_blkd(G, BY_NOTIFIER)
  :: else -> skip
  fi
#else
  set_on(0, G);
  clear_blkd(G, BY_NOTIFIER)
#endif
}

/*
 * Receiver.await(Long.MAX_VALUE) in a loop, as a dispatcher runs it: the first take, then
 * EmulatedReceiver.block. (The spin and yield phases only look and take, modelled.)
 * Jumps to the proctype's label "closed" when await reports the receiver closed.
 */
inline receive(G, K) {
  skip;
await_top:
  take(G);
  if :: t != 0 -> t = 0; goto await_top :: else -> skip fi;
blk_top:
  if
  :: wreq -> wreq = 0; take(G); t = 0; goto await_top
  :: else -> skip
  fi;
  atomic {
    s = st;
#ifndef BUG_ORIG_RECEIVER
    if :: TAG(s) != G -> goto closed :: else -> skip fi
#endif
  };
  look(d);
  if
  :: d -> d = 0; s = 0; take(G);
     if :: t != 0 -> t = 0; goto await_top :: else -> goto blk_top fi
  :: else -> skip
  fi;
  atomic { if :: st == s -> st = s | BLKD; BP_SET(K, G) :: else -> s = 0; goto blk_top fi };
#ifdef MUT_NO_BLKD_RECHECK
  d = 0;
#else
  look(d);
#endif
  atomic { d = d || wreq };
  if
  :: d -> d = 0; clear_blkd(G, BY_RECEIVER); goto blk_top
  :: else -> skip
  fi;
  futex_wait(K, G, s | BLKD);
  clear_blkd(G, BY_RECEIVER);
  take(G);
  if :: t != 0 -> t = 0; goto await_top :: else -> goto blk_top fi
}

/* ---------------------------------------------------------------- sender side */

/* UpidTable.post's statistics: CAS-increment the coalesced counter while it has generation G */
inline count_coalesced(G) {
#ifdef MUT_COAL_UNTAGGED
  atomic { coal = coal + 1 }                /* getAndAdd, whatever the tag */
#else
  atomic { if :: CTAG(coal) == G -> coal = coal + 1 :: else -> skip fi }  /* CAS loop */
#endif
}

/*
 * UpidTable.post = SENDUIPI: ONE CAS of the vector's PIR word sets the bit and ON, the guess
 * being the idle receiver's word of generation G, each witness checked for the generation and
 * the bit; then, only if this send newly set ON, read the state and clear BLKD (and wake).
 */
inline send_to(G, V) {
#ifdef MUT_SENDER_NOTIFY_FIRST
  atomic { s = st };                        /* the state read before the post (the mutant) */
#endif
  atomic {
    x = WORD(WD(V));
#ifndef MUT_NO_GEN_CHECK
    if
    :: PGEN(x) != G ->
       assert(RELEASED(G));                 /* RECEIVER_GONE only once G was released */
       res = GONE
    :: else -> skip
    fi;
#endif
    if
    :: res == GONE -> skip
    :: x & VB(V) ->                         /* COALESCED */
       if :: PGEN(x) == G -> unseen[V]++; ncoal[G]++ :: else -> skip fi;
       res = COALESCED
    :: else ->                              /* the CAS that sets the bit and ON */
       SETW(WD(V), x | VB(V) | ON);
       assert(PGEN(x) == G);                /* a send resolved against G sets bits only in G's words */
       org[V] = G; unseen[V]++; nposted[G]++;
       newly = !PON(x);
       if :: !newly -> relied[V] = 1 :: else -> skip fi;
       if :: supd -> late = late | (1 << V) :: else -> skip fi;
       onsup = supd;
       res = POSTED
    fi;
    x = 0
  };
  if :: res == COALESCED -> count_coalesced(G) :: else -> skip fi;
#if defined(MUT_SEND_NO_BLKD_CHECK)
  newly = 0;
#elif defined(MUT_SEND_BLKD_IF_ON_SET)
  newly = !newly;
#elif defined(MUT_NOTIFY_IGNORES_ON)
  newly = 1;
#endif
  if
  :: res == POSTED && newly ->
#ifdef MUT_SENDER_NOTIFY_FIRST
     if :: s & BLKD -> clear_blkd(G, BY_SENDER) :: else -> skip fi
#else
     clear_blkd(G, BY_SENDER)
#endif
  :: else -> skip
  fi;
  s = 0; res = 0; newly = 0; onsup = 0
}

/* UittTable.sendAt: control, target, control again; then post */
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

/* ghost: a retag of word K from x dropped its pending bits */
#define DROP(K, x) if :: WD(0) == (K) && ((x) & VB(0)) -> unseen[0] = 0; relied[0] = 0 :: else -> skip fi; \
                   if :: WD(1) == (K) && ((x) & VB(1)) -> unseen[1] = 0; relied[1] = 0 :: else -> skip fi

/* UpidTable.retag: CAS PIR word K from generation G to NG (no bits, no ON), while it has G */
inline retag_pir(K, G, NG) {
  atomic {
    x = WORD(K);
#ifdef MUT_RETAG_UNCONDITIONAL
    if :: true ->
#else
    if :: PGEN(x) == G ->
#endif
       SETW(K, PIRW(NG)); DROP(K, x);
       if :: K == 0 -> released = released | (1 << G) :: else -> skip fi  /* the slot is free */
    :: else -> skip
    fi;
    x = 0
  }
}

/* a releaser may die (SIGKILL) at this point of the release: -DREAPER only */
#ifdef REAPER
#define MAY_DIE  if :: mortal -> goto dead :: true -> skip fi
#else
#define MAY_DIE  skip
#endif

/* UpidTable.release: the state retag (the release takes effect), then UpidTable.retag */
inline retag_state(G) {
  atomic {
    s = st;
    if
    :: TAG(s) == G -> st = STATE(G + 1); released = released | (1 << G); wk = s & BLKD
#ifdef MUT_RELEASE_NOT_RESUMABLE
    :: else -> ok = 0                         /* already retagged: give up */
#else
    :: else -> skip                           /* already retagged: resume a dead releaser */
#endif
    fi;
    s = 0
  };
#ifdef MUT_RELEASE_WAKE_IF_BLKD
  if :: wk -> futex_wake_all() :: else -> skip fi
#else
  futex_wake_all()                              /* always: a sender may have cleared BLKD */
#endif
}

/* UpidTable.release (generation G). Ghost "released" marks where the release takes effect. */
inline release(G) {
#ifdef BUG_ORIG_RELEASE
  atomic {
    x = lo;
    if
    :: PGEN(x) == G -> lo = PIRW(G + 1); released = released | (1 << G); DROP(0, x); ok = 1
    :: else -> skip
    fi;
    x = 0
  };
  if
  :: ok ->
     MAY_DIE;
     atomic { x = hi; hi = PIRW(G + 1); DROP(1, x); x = 0 };
     MAY_DIE;
     atomic { s = st; st = STATE(G + 1); wk = s & BLKD; s = 0 };
     if :: wk -> futex_wake_all() :: else -> skip fi
  :: else -> skip
  fi
#else
  atomic { x = lo; ok = (PGEN(x) == G); x = 0 };
#ifdef MUT_RELEASE_LOW_FIRST
  if
  :: ok ->
     retag_pir(0, G, G + 1);
     MAY_DIE;
     retag_state(G);
     MAY_DIE;
     retag_pir(1, G, G + 1)
  :: else -> skip
  fi
#else
  if
  :: ok -> retag_state(G); MAY_DIE
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
#endif
}

/* UpidTable.claim on slot 0, by a claimer that comes along once it is free */
inline claim_slot(G) {
  atomic { !CLAIMED(PGEN(lo)) -> x = lo; lo = PIRW(PGEN(x) + 1) };
  assert(PGEN(x) + 1 == G);
  atomic { DROP(1, hi); hi = PIRW(G); x = 0 };
  dlv = CTR(G, 0);
  coal = CTR(G, 0);
  st = STATE(G)                                 /* last: vouches for the claim */
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
    assert(unseen[0] == 0 || (PEND(0) && org[0] == PGEN(WORD(WD(0))))); /* nothing posted is lost */
    assert(unseen[1] == 0 || (PEND(1) && org[1] == PGEN(WORD(WD(1))))); /* nothing posted is lost */
    assert(CTAG(coal) == PGEN(lo) && CCNT(coal) == ncoal[PGEN(lo)]); /* coalesced counts exactly its generation's */
#ifdef STRICT_DELIVERED
    assert(CTAG(dlv) == PGEN(lo));             /* delivered carries the slot's generation */
#endif
    assert(CTAG(dlv) != PGEN(lo) || CCNT(dlv) + PEND(0) + PEND(1) == nposted[PGEN(lo)]); /* delivered + pending = posted */
#else
    assert(!(asleep[0] && (DELIV(G1) || wreq)));   /* no lost wake-up */
    assert(unseen[0] == 0 || PEND(0));             /* nothing posted is lost */
    assert(unseen[1] == 0 || PEND(1));             /* nothing posted is lost */
    assert(CCNT(coal) == ncoal[G1]);               /* coalesced counts exactly its generation's */
    assert(CCNT(dlv) + PEND(0) + PEND(1) == nposted[G1]) /* delivered + pending = posted */
#endif
  }
}

#ifndef REUSE

proctype Receiver() {
  LOCALS;
  receive(G1, 0);
closed:
  assert(false)                                 /* never closed in this scenario */
}

proctype Sender(byte v1; byte v2) {
  LOCALS;
  v = v1; send_to(G1, v);
  v = v2; send_to(G1, v)
}

/* Another thread of the receiver's process: mask/unmask, suppress/resume, wakeup */
proctype Controller() {
  LOCALS;
#ifdef CTL_MASK
  if
  :: atomic { maskw = maskw | 1; BP_RESET };   /* mask(0) */
     if
     :: atomic { maskw = maskw & 2; BP_RESET }; /* unmask(0) */
#ifndef MUT_UNMASK_NO_NOTIFY
        self_notify(G1)
#endif
     :: skip
     fi
  :: skip
  fi;
#endif
#ifdef CTL_SN
  if
  :: atomic { sn = 1; BP_RESET };              /* suppress(): suppressed = true, */
#ifndef MUT_SUPPRESS_NO_ON
     set_on(0, G1);                            /* then hold ON in both PIR words */
     set_on(1, G1);
#endif
     supd = 1;
     if
     :: atomic { sn = 0; supd = 0; late = 0; broken = 0; BP_RESET };  /* resume() */
#ifndef MUT_RESUME_NO_NOTIFY
        self_notify(G1)
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
  LOCALS;
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
  LOCALS;
  invalidate_targeting();
  MAY_DIE;
  release(G1);
dead:
  skip
}

proctype Newcomer() {
  LOCALS;
  claim_slot(GN);                               /* InterruptDomain.registerReceiver */
  register(GN, 1, eg);                          /* Receiver.registerVector(1) */
  atomic { ok = 0; eg = 0 };
  receive(GN, 1);
closed:
  assert(RELEASED(GN))                          /* await returns "closed" only after release */
}

proctype S1() {                                 /* InterruptDomain.send(R1's handle) */
  LOCALS;
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
  LOCALS; byte k;
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
