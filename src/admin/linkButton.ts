import type React from 'react'

/** A link styled as the admin's primary button, for the few actions placed above a list. */
export const linkButton: React.CSSProperties = { display: 'inline-block', padding: '0.4rem 0.9rem', borderRadius: 4, background: '#1d4ed8', color: '#fff', fontWeight: 600, textDecoration: 'none' }
