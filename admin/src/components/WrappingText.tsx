import type * as React from 'react';
import { Typography, type TypographyProps } from '@strapi/design-system';

interface WrappingTextProps extends Pick<TypographyProps, 'variant' | 'textColor'> {
  tag?: 'span' | 'p' | 'li';
  children: React.ReactNode;
}

/**
 * Text that wraps inside a design-system table, whose cells never wrap (`white-space:
 * nowrap` on the table): long problem messages would otherwise run off the page.
 */
export const WrappingText = ({ tag = 'span', children, ...props }: WrappingTextProps) => (
  <Typography tag={tag} {...props} style={{ whiteSpace: 'normal' }}>
    {children}
  </Typography>
);
