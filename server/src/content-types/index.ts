// The schemas live at the package root in `content-types/`: one source of truth, bundled here.
import articleSchema from '../../../content-types/article/schema.json';
import categorySchema from '../../../content-types/category/schema.json';

export default {
  article: { schema: articleSchema },
  category: { schema: categorySchema },
};
