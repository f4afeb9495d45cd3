// The shapes of easy-read text: short sentences grouped into ideas, each idea with a picture.

/** One idea: a picture and the short sentences beside it. */
export interface EasyReadIdea {
  /** The name of the picture drawn beside the idea, a key of ICONS. */
  icon: string
  /** One idea in sentences of 15 words or fewer, each ending with a full stop or question mark. */
  sentences: readonly string[]
}

/** The easy-read version of one catalogue outcome. */
export interface EasyReadOutcome {
  outcomeId: string
  /** A short name a student can say, such as "A job with a job coach". */
  title: string
  icon: string
  ideas: readonly EasyReadIdea[]
}

/** A problem the easy-read check finds in a piece of text. */
export interface EasyReadProblem {
  kind: 'too-long' | 'acronym' | 'no-picture' | 'hard-word' | 'empty'
  /** The sentence or word with the problem, quoted in the message. */
  subject: string
  /** What is wrong and how to fix it, for a member of staff. */
  message: string
}
